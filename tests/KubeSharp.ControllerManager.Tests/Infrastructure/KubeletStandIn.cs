using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>
/// Plays the kubelet for the pods of one namespace (no kubelet runs in these tests): a pod it has seen for
/// <see cref="ReadyAfter"/> gets status Running with Ready=True through pods/status, as a kubelet reports a
/// started container. <see cref="Paused"/> stops it marking pods, so a test can hold pods unready.
/// </summary>
public sealed class KubeletStandIn : IAsyncDisposable
{
    private readonly ResourceClient<V1Pod> _pods;
    private readonly string _namespace;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, DateTime> _firstSeen = new();
    private readonly Task _loop;

    private KubeletStandIn(KubeClient client, string ns, TimeSpan readyAfter)
    {
        _pods = client.For<V1Pod>();
        _namespace = ns;
        ReadyAfter = readyAfter;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>How long a pod stays unready after the stand-in first sees it (a container starting).</summary>
    public TimeSpan ReadyAfter { get; }

    private volatile bool _paused;

    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    public static KubeletStandIn Start(KubeClient client, string ns, TimeSpan? readyAfter = null) =>
        new(client, ns, readyAfter ?? TimeSpan.FromMilliseconds(300));

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!Paused) await MarkReadyAsync(ct);
                await Task.Delay(100, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (KubeApiException)
            {
                // A pod deleted or changed under us: the next pass looks again.
            }
        }
    }

    private async Task MarkReadyAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        foreach (var pod in (await _pods.ListAsync(_namespace, ct: ct)).Items)
        {
            if (pod.Metadata.DeletionTimestamp != null) continue;
            if (pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true) continue;
            var seen = _firstSeen.GetOrAdd(pod.Uid(), now);
            if (now - seen < ReadyAfter || Paused) continue;
            var at = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            await _pods.PatchAsync(_namespace, pod.Name(), PatchType.Merge,
                $$$"""{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"{{{at}}}"}]}}""",
                "status", ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
