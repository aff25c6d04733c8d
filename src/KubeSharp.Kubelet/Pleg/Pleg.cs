using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Pods;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Pleg;

/// <summary>
/// Upstream's generic PLEG: containerd 1.6 has no event stream, so every period the sandboxes and containers are
/// listed and compared with the previous listing; a pod whose sandbox or container appeared, changed state or
/// vanished is handed to <c>podChanged</c>. The first relist reports every pod the runtime has, which is how
/// running pods are adopted and orphans found after a kubelet restart. Before a changed pod is handed on, its
/// <see cref="RuntimePodCache"/> entry is checked against the listing and dropped unless it already shows it, so
/// the sync that follows reads the runtime again only when something changed that it does not know about.
/// </summary>
internal sealed partial class Pleg(IRuntimeService runtime, TimeSpan period, TimeProvider time, RuntimePodCache cache, Action<string> podChanged, ILogger logger)
{
    private Dictionary<string, (string Uid, int State)> _last = [];

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await RelistAsync(ct);
            }
            catch (CriException e)
            {
                LogRelistFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    public async Task RelistAsync(CancellationToken ct)
    {
        var current = new Dictionary<string, (string Uid, int State)>();
        foreach (var s in await runtime.ListPodSandboxAsync(null, ct))
        {
            if (s.Labels.TryGetValue(KubeletLabels.PodUid, out var uid)) current["s/" + s.Id] = (uid, (int)s.State);
        }
        foreach (var c in await runtime.ListContainersAsync(null, ct))
        {
            if (c.Labels.TryGetValue(KubeletLabels.PodUid, out var uid)) current["c/" + c.Id] = (uid, (int)c.State);
        }
        var changed = new HashSet<string>();
        foreach (var (id, entry) in current)
        {
            if (!_last.TryGetValue(id, out var old) || old.State != entry.State) changed.Add(entry.Uid);
        }
        foreach (var (id, entry) in _last)
        {
            if (!current.ContainsKey(id)) changed.Add(entry.Uid);
        }
        _last = current;
        if (changed.Count == 0) return;
        var observed = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var uid in changed) observed[uid] = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, entry) in current)
        {
            if (observed.TryGetValue(entry.Uid, out var items)) items[id] = entry.State;
        }
        foreach (var uid in changed)
        {
            cache.Observe(uid, observed[uid]);
            podChanged(uid);
        }
    }

    [LoggerMessage(EventId = 6501, Level = LogLevel.Warning, Message = "PLEG relist failed: {Error}")]
    private static partial void LogRelistFailed(ILogger logger, string error);
}
