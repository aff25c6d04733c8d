using System.Collections.Concurrent;
using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Prober;

/// <summary>
/// Keeps one <see cref="ContainerProbeWorker"/> per running app container that has probes, keyed by container id
/// (a restarted container gets fresh workers and starts unready, as upstream). A probe result change enqueues the
/// pod, whose sync then writes the new Ready condition.
/// </summary>
internal sealed class ProbeManager(IRuntimeService runtime, IEventRecorder recorder, TimeProvider time, Action<string> podChanged)
{
    private readonly ConcurrentDictionary<string, ContainerProbeWorker> _workers = new();
    private readonly ProbeRunner _runner = new(runtime);

    /// <summary>Probe results of a running container; null when it has no probes (then it counts as started and ready).</summary>
    public ProbeState? StateOf(string containerId) => _workers.TryGetValue(containerId, out var worker) ? worker.State : null;

    public void Sync(V1Pod pod, RuntimePod runtimePod, string host)
    {
        var live = new HashSet<string>();
        foreach (var c in pod.Spec.Containers ?? [])
        {
            if (c.ReadinessProbe == null && c.LivenessProbe == null && c.StartupProbe == null) continue;
            var latest = runtimePod.Latest(c.Name);
            if (latest is not { State: ContainerState.ContainerRunning }) continue;
            live.Add(latest.Id);
            var startedAt = DateTimeOffset.UnixEpoch.AddTicks(latest.StartedAt / 100);
            var uid = pod.Metadata.Uid;
            _workers.GetOrAdd(latest.Id, id => new ContainerProbeWorker(pod, c, id, host, startedAt, _runner, runtime, recorder, time, () => podChanged(uid)));
        }
        foreach (var (id, worker) in _workers)
        {
            if (worker.PodUid == pod.Metadata.Uid && !live.Contains(id) && _workers.TryRemove(id, out _)) worker.Stop();
        }
    }

    public void Forget(string podUid)
    {
        foreach (var (id, worker) in _workers)
        {
            if (worker.PodUid == podUid && _workers.TryRemove(id, out _)) worker.Stop();
        }
    }
}
