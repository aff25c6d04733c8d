using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri;

namespace KubeSharp.Kubelet.Prober;

/// <summary>
/// The probes of one running container (upstream's probe workers): the startup probe first; once it passed,
/// readiness and liveness each on their own period with upstream's defaults (period 10 s, timeout 1 s, success 1,
/// failure 3) and initialDelaySeconds counted from the container's start. Readiness is false until the first
/// success; a liveness (or startup) failure streak stops the container so the pod sync restarts it.
/// </summary>
internal sealed class ContainerProbeWorker
{
    private readonly V1Pod _pod;
    private readonly V1Container _container;
    private readonly string _containerId;
    private readonly string _host;
    private readonly DateTimeOffset _startedAt;
    private readonly ProbeRunner _runner;
    private readonly IRuntimeService _runtime;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly Action _changed;
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _started;
    private volatile bool _ready;

    public ContainerProbeWorker(V1Pod pod, V1Container container, string containerId, string host, DateTimeOffset startedAt,
        ProbeRunner runner, IRuntimeService runtime, IEventRecorder recorder, TimeProvider time, Action changed)
    {
        _pod = pod;
        _container = container;
        _containerId = containerId;
        _host = host;
        _startedAt = startedAt;
        _runner = runner;
        _runtime = runtime;
        _recorder = recorder;
        _time = time;
        _changed = changed;
        _started = container.StartupProbe == null;
        _ready = container.ReadinessProbe == null;
        _ = Task.Run(() => RunAsync(_stop.Token));
    }

    public string PodUid => _pod.Metadata.Uid;

    public ProbeState State => new(_started, _ready && _started);

    public void Stop()
    {
        _stop.Cancel();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            if (_container.StartupProbe is { } startup)
            {
                if (!await LoopAsync(startup, "Startup", ct)) return;
                _started = true;
                _changed();
            }
            var loops = new List<Task>();
            if (_container.ReadinessProbe is { } readiness) loops.Add(LoopAsync(readiness, "Readiness", ct));
            if (_container.LivenessProbe is { } liveness) loops.Add(LoopAsync(liveness, "Liveness", ct));
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // The container stopped or the pod went.
        }
    }

    /// <summary>Runs one probe until cancelled; startup returns true on its first pass, false when it gave up.</summary>
    private async Task<bool> LoopAsync(V1Probe probe, string kind, CancellationToken ct)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, probe.PeriodSeconds ?? 10));
        var successThreshold = Math.Max(1, probe.SuccessThreshold ?? 1);
        var failureThreshold = Math.Max(1, probe.FailureThreshold ?? 3);
        var initialDelay = _startedAt + TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0) - _time.GetUtcNow();
        if (initialDelay > TimeSpan.Zero) await Task.Delay(initialDelay, _time, ct);
        int successes = 0, failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var (success, message) = await _runner.RunAsync(probe, _container, _containerId, _host, ct);
            if (success)
            {
                successes++;
                failures = 0;
            }
            else
            {
                failures++;
                successes = 0;
                _recorder.Event(_pod, EventTypes.Warning, "Unhealthy", $"{kind} probe failed: {message}");
            }
            switch (kind)
            {
                case "Startup" when successes >= 1:
                    return true;
                case "Readiness" when successes >= successThreshold && !_ready:
                    _ready = true;
                    _changed();
                    break;
                case "Readiness" when failures >= failureThreshold && _ready:
                    _ready = false;
                    _changed();
                    break;
                case "Startup" or "Liveness" when failures >= failureThreshold:
                    await KillAsync(kind, probe, ct);
                    return false;
            }
            await Task.Delay(period, _time, ct);
        }
        return false;
    }

    private async Task KillAsync(string kind, V1Probe probe, CancellationToken ct)
    {
        _recorder.Event(_pod, EventTypes.Normal, "Killing", $"Container {_container.Name} failed {kind.ToLowerInvariant()} probe, will be restarted");
        var grace = probe.TerminationGracePeriodSeconds ?? _pod.Spec.TerminationGracePeriodSeconds ?? 30;
        await _runtime.StopContainerAsync(_containerId, Math.Max(grace, 2), ct);
        _changed();
    }
}
