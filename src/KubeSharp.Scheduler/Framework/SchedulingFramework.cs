using k8s.Models;
using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// The plugins of one profile, split by extension point, and the loops that run them (upstream frameworkImpl).
/// Filter stops at the first rejecting plugin, as upstream does, so one node contributes one plugin's reasons.
/// </summary>
public sealed class SchedulingFramework
{
    private readonly (IScorePlugin Plugin, int Weight)[] _scorers;

    public SchedulingFramework(Profile profile, PluginRegistry registry, PluginHandle handle)
    {
        Profile = profile;
        var plugins = profile.Plugins.Select(n => registry.Create(n, handle)).ToArray();
        PreFilters = plugins.OfType<IPreFilterPlugin>().ToArray();
        Filters = plugins.OfType<IFilterPlugin>().ToArray();
        PreScores = plugins.OfType<IPreScorePlugin>().ToArray();
        _scorers = plugins.OfType<IScorePlugin>()
            .Select(p => (p, profile.ScoreWeights.TryGetValue(p.Name, out var w) ? w : 1)).ToArray();
        PostFilters = plugins.OfType<IPostFilterPlugin>().ToArray();
        Reserves = plugins.OfType<IReservePlugin>().ToArray();
        Binders = plugins.OfType<IBindPlugin>().ToArray();
    }

    public Profile Profile { get; }

    public IReadOnlyList<IPreFilterPlugin> PreFilters { get; }

    public IReadOnlyList<IFilterPlugin> Filters { get; }

    public IReadOnlyList<IPostFilterPlugin> PostFilters { get; }

    public IReadOnlyList<IPreScorePlugin> PreScores { get; }

    public IReadOnlyList<IReservePlugin> Reserves { get; }

    public IReadOnlyList<IBindPlugin> Binders { get; }

    public bool HasScorers => _scorers.Length > 0;

    /// <summary>Returns the first non-success status; plugins answering Skip are remembered in the state so their Filter is skipped.</summary>
    public Status RunPreFilter(CycleState state, V1Pod pod)
    {
        var skipped = state.SkipFilterPlugins;
        foreach (var p in PreFilters)
        {
            var s = p.PreFilter(state, pod);
            if (s.Code == StatusCode.Skip) skipped.Add(p.Name);
            else if (!s.IsSuccess) return s.WithPlugin(p.Name);
        }
        return Status.Success;
    }

    public Status RunFilter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var skipped = state.SkipFilterPlugins;
        foreach (var p in Filters)
        {
            if (skipped.Count > 0 && skipped.Contains(p.Name)) continue;
            var s = p.Filter(state, pod, node);
            if (!s.IsSuccess) return s.WithPlugin(p.Name);
        }
        return Status.Success;
    }

    /// <summary>
    /// Upstream RunPostFilterPlugins: the first plugin that succeeds (or errs) decides; otherwise the last
    /// rejection's message is reported.
    /// </summary>
    public async Task<PostFilterResult> RunPostFilterAsync(CycleState state, V1Pod pod, PostFilterInput input, CancellationToken ct)
    {
        var result = new PostFilterResult(null, Status.Unschedulable());
        foreach (var p in PostFilters)
        {
            result = await p.PostFilterAsync(state, pod, input, ct);
            if (result.Status.IsSuccess || result.Status.Code == StatusCode.Error) return result with { Status = result.Status.WithPlugin(p.Name) };
        }
        return result;
    }

    /// <summary>Weighted sum of normalized scores per node, in the order of <paramref name="nodes"/>.</summary>
    public (long[] Totals, Status Status) RunScore(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in PreScores)
        {
            var s = p.PreScore(state, pod, nodes);
            if (s.Code == StatusCode.Skip) skipped.Add(p.Name);
            else if (!s.IsSuccess) return ([], s.WithPlugin(p.Name));
        }
        var totals = new long[nodes.Count];
        foreach (var (plugin, weight) in _scorers)
        {
            if (skipped.Contains(plugin.Name)) continue;
            var scores = new NodeScore[nodes.Count];
            for (var i = 0; i < nodes.Count; i++)
            {
                var (score, s) = plugin.Score(state, pod, nodes[i]);
                if (!s.IsSuccess) return ([], s.WithPlugin(plugin.Name));
                scores[i] = new NodeScore(nodes[i].Name, score);
            }
            var normalized = plugin.NormalizeScores(state, pod, scores);
            if (!normalized.IsSuccess) return ([], normalized.WithPlugin(plugin.Name));
            for (var i = 0; i < nodes.Count; i++) totals[i] += scores[i].Score * weight;
        }
        return (totals, Status.Success);
    }

    public Status RunReserve(CycleState state, V1Pod pod, string nodeName)
    {
        for (var i = 0; i < Reserves.Count; i++)
        {
            var s = Reserves[i].Reserve(state, pod, nodeName);
            if (!s.IsSuccess)
            {
                RunUnreserve(state, pod, nodeName);
                return s.WithPlugin(Reserves[i].Name);
            }
        }
        return Status.Success;
    }

    /// <summary>Upstream calls Unreserve on every reserve plugin, in reverse order, whatever the failure.</summary>
    public void RunUnreserve(CycleState state, V1Pod pod, string nodeName)
    {
        for (var i = Reserves.Count - 1; i >= 0; i--) Reserves[i].Unreserve(state, pod, nodeName);
    }

    public async Task<Status> RunBindAsync(CycleState state, V1Pod pod, string nodeName, CancellationToken ct)
    {
        foreach (var b in Binders)
        {
            var s = await b.BindAsync(state, pod, nodeName, ct);
            if (s.Code == StatusCode.Skip) continue;
            // Upstream wraps bind errors so the FailedScheduling event names the plugin.
            return s.IsSuccess ? s : Status.Error($"running Bind plugin \"{b.Name}\": {s.Message}").WithPlugin(b.Name);
        }
        return Status.Error("no bind plugin bound the pod");
    }
}
