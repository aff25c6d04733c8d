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
    private readonly IFilterPlugin[] _filters;

    public SchedulingFramework(Profile profile, PluginRegistry registry, PluginHandle handle)
    {
        Profile = profile;
        var needed = new List<string>();
        foreach (var name in profile.Plugins.Concat(profile.ExtensionPoints.Values.SelectMany(s => s.Enabled)))
        {
            if (!needed.Contains(name)) needed.Add(name);
        }
        var plugins = new Dictionary<string, IPlugin>(StringComparer.Ordinal);
        foreach (var name in needed)
        {
            if (!registry.Contains(name)) throw new ArgumentException($"plugin \"{name}\" does not exist");
            plugins[name] = registry.Create(name, handle, profile.PluginArgs.GetValueOrDefault(name));
        }
        PreEnqueues = Expand<IPreEnqueuePlugin>("preEnqueue", profile, plugins);
        PreFilters = Expand<IPreFilterPlugin>("preFilter", profile, plugins);
        _filters = Expand<IFilterPlugin>("filter", profile, plugins);
        PreScores = Expand<IPreScorePlugin>("preScore", profile, plugins);
        _scorers = Expand<IScorePlugin>("score", profile, plugins)
            .Select(p => (p, profile.ScoreWeights.TryGetValue(p.Name, out var w) && w > 0 ? w : 1)).ToArray();
        PostFilters = Expand<IPostFilterPlugin>("postFilter", profile, plugins);
        Reserves = Expand<IReservePlugin>("reserve", profile, plugins);
        Binders = Expand<IBindPlugin>("bind", profile, plugins);
    }

    /// <summary>
    /// Upstream's expandMultiPointPlugins for one extension point: plugins the point enables itself that also
    /// come from multiPoint (explicit overrides) first, then the other multiPoint plugins implementing the point
    /// and not disabled there, then the point's remaining own plugins.
    /// </summary>
    private static T[] Expand<T>(string point, Profile profile, Dictionary<string, IPlugin> plugins)
        where T : class, IPlugin
    {
        var own = profile.ExtensionPoints.GetValueOrDefault(point) ?? new PluginSet();
        foreach (var name in own.Enabled)
        {
            if (plugins[name] is not T) throw new ArgumentException($"plugin \"{name}\" does not extend {point}");
        }
        var order = new List<string>();
        if (!own.Disabled.Contains("*"))
        {
            var overrides = new List<string>();
            var fromMultiPoint = new List<string>();
            foreach (var name in profile.Plugins)
            {
                if (plugins[name] is not T || own.Disabled.Contains(name)) continue;
                if (own.Enabled.Contains(name)) overrides.Add(name);
                else if (fromMultiPoint.Contains(name)) throw new ArgumentException($"plugin \"{name}\" already registered as {point}");
                else fromMultiPoint.Add(name);
            }
            order.AddRange(overrides);
            order.AddRange(fromMultiPoint);
        }
        foreach (var name in own.Enabled)
        {
            if (!order.Contains(name)) order.Add(name);
        }
        return order.Select(n => (T)plugins[n]).ToArray();
    }

    public Profile Profile { get; }

    public IReadOnlyList<IPreEnqueuePlugin> PreEnqueues { get; }

    public IReadOnlyList<IPreFilterPlugin> PreFilters { get; }

    public IReadOnlyList<IFilterPlugin> Filters => _filters;

    public IReadOnlyList<IPostFilterPlugin> PostFilters { get; }

    public IReadOnlyList<IPreScorePlugin> PreScores { get; }

    public IReadOnlyList<IReservePlugin> Reserves { get; }

    public IReadOnlyList<IBindPlugin> Binders { get; }

    public bool HasScorers => _scorers.Length > 0;

    /// <summary>The score plugins in order with their weights.</summary>
    public IReadOnlyList<(string Name, int Weight)> ScorePlugins => _scorers.Select(s => (s.Plugin.Name, s.Weight)).ToList();

    /// <summary>Upstream RunPreEnqueuePlugins: the first plugin that does not let the pod into the queue decides.</summary>
    public Status RunPreEnqueue(V1Pod pod)
    {
        foreach (var p in PreEnqueues)
        {
            var s = p.PreEnqueue(pod);
            if (!s.IsSuccess) return s.WithPlugin(p.Name);
        }
        return Status.Success;
    }

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
        // The same answer per Filter plugin as a flag array: RunFilter asks it for every node.
        var mask = new bool[_filters.Length];
        for (var i = 0; i < mask.Length; i++) mask[i] = skipped.Contains(_filters[i].Name);
        state.SkipFilterMask = (this, mask);
        return Status.Success;
    }

    /// <summary>Upstream RunPreFilterExtensionAddPod: tells the PreFilter plugins (not skipped this cycle) a pod was added to the node.</summary>
    public Status RunPreFilterAddPod(CycleState state, V1Pod pod, V1Pod podToAdd, NodeInfo node)
    {
        foreach (var p in PreFilters)
        {
            if (p is not IPreFilterExtensions ext || state.SkipFilterPlugins.Contains(p.Name)) continue;
            var s = ext.AddPod(state, pod, podToAdd, node);
            if (!s.IsSuccess) return Status.Error($"running AddPod on PreFilter plugin \"{p.Name}\": {s.Message}").WithPlugin(p.Name);
        }
        return Status.Success;
    }

    /// <summary>Upstream RunPreFilterExtensionRemovePod.</summary>
    public Status RunPreFilterRemovePod(CycleState state, V1Pod pod, V1Pod podToRemove, NodeInfo node)
    {
        foreach (var p in PreFilters)
        {
            if (p is not IPreFilterExtensions ext || state.SkipFilterPlugins.Contains(p.Name)) continue;
            var s = ext.RemovePod(state, pod, podToRemove, node);
            if (!s.IsSuccess) return Status.Error($"running RemovePod on PreFilter plugin \"{p.Name}\": {s.Message}").WithPlugin(p.Name);
        }
        return Status.Success;
    }

    public Status RunFilter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var filters = _filters;
        if (state.SkipFilterMask is ({ } owner, { } mask) && ReferenceEquals(owner, this))
        {
            for (var i = 0; i < filters.Length; i++)
            {
                if (mask[i]) continue;
                var s = filters[i].Filter(state, pod, node);
                if (!s.IsSuccess) return s.WithPlugin(filters[i].Name);
            }
            return Status.Success;
        }
        var skipped = state.SkipFilterPlugins;
        foreach (var p in filters)
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
        // One scores array for every plugin: each fills all of it before normalizing.
        var scores = new NodeScore[nodes.Count];
        foreach (var (plugin, weight) in _scorers)
        {
            if (skipped.Contains(plugin.Name)) continue;
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
