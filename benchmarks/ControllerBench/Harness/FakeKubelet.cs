using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>
/// Stands in for the kubelet of one fake node, through the API only: every pod bound to the node that shows up in
/// the pod watch gets status Running + Ready with a unique pod IP, and every pod of the node that is marked for
/// deletion is deleted with grace period 0 (what a kubelet does once the containers stopped). Writes run on a few
/// concurrent tasks so a burst of pods is not written one round trip at a time.
/// </summary>
internal sealed class FakeKubelet : IAsyncDisposable
{
    private readonly ResourceClient<V1Pod> _pods;
    private readonly string _nodeName;
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>();
    private readonly ConcurrentDictionary<string, byte> _started = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _finished = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _ips = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _writers;
    private int _nextIp;
    private Exception? _failure;

    public FakeKubelet(ResourceClient<V1Pod> pods, string nodeName, int writers)
    {
        _pods = pods;
        _nodeName = nodeName;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public const string NodeName = "bench-node";

    /// <summary>The pod IP given to a pod (by name), once its status was written.</summary>
    public string? IpOf(string podName) => _ips.GetValueOrDefault(podName);

    /// <summary>Feed from the scenario's pod watch.</summary>
    public void Observe(WatchEventType type, V1Pod pod)
    {
        if (_failure != null) throw new InvalidOperationException("fake kubelet write failed", _failure);
        if (pod.Spec?.NodeName != _nodeName || type == WatchEventType.Deleted) return;
        var uid = pod.Metadata.Uid;
        if (pod.Metadata.DeletionTimestamp != null)
        {
            if (_finished.TryAdd(uid, 0)) _work.Writer.TryWrite(ct => DeleteAsync(pod, ct));
            return;
        }
        if (_started.TryAdd(uid, 0))
        {
            var n = Interlocked.Increment(ref _nextIp);
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.{200 + (n >> 16)}.{(n >> 8) & 255}.{n & 255}");
            _ips[pod.Metadata.Name] = ip;
            _work.Writer.TryWrite(ct => SetReadyAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, ip, true, ct));
        }
    }

    /// <summary>Writes the pod's status: Running, with Ready/ContainersReady as given (a readiness probe flipping).</summary>
    public async Task SetReadyAsync(string ns, string name, string ip, bool ready, CancellationToken ct)
    {
        var status = ready ? "True" : "False";
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var patch = $$$"""
            {"status":{"phase":"Running","hostIP":"10.0.0.1","podIP":"{{{ip}}}","podIPs":[{"ip":"{{{ip}}}"}],"startTime":"{{{now}}}",
            "conditions":[{"type":"PodScheduled","status":"True","lastTransitionTime":"{{{now}}}"},
            {"type":"Initialized","status":"True","lastTransitionTime":"{{{now}}}"},
            {"type":"ContainersReady","status":"{{{status}}}","lastTransitionTime":"{{{now}}}"},
            {"type":"Ready","status":"{{{status}}}","lastTransitionTime":"{{{now}}}"}]}}
            """;
        await _pods.PatchAsync(ns, name, PatchType.Merge, patch, "status", ct);
    }

    private async Task DeleteAsync(V1Pod pod, CancellationToken ct)
    {
        try
        {
            await _pods.DeleteAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name,
                new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, ct);
        }
        catch (KubeApiException e) when (e.Code is 404 or 409)
        {
            // Already gone, or a newer pod took the name: nothing left for this kubelet to do.
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(_stop.Token))
            {
                try
                {
                    await work(_stop.Token);
                }
                catch (KubeApiException e) when (e.Code == 404)
                {
                    // The pod was deleted before its status was written.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _failure ??= e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
        _stop.Dispose();
    }
}
