using System.Globalization;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Status;
using KubeSharp.Kubelet.Volumes;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Pods;

internal sealed partial class PodSyncer
{
    /// <summary>Upstream's minimumGracePeriodInSeconds: a container always gets this long after SIGTERM.</summary>
    private const long MinimumGraceSeconds = 2;

    /// <summary>
    /// Stops a pod being deleted: preStop hooks and SIGTERM with the grace period, then reports the final status
    /// (containers terminated) and only after that removes containers, sandboxes, volumes, logs and the pod cgroup.
    /// Returns the final status; the caller confirms the deletion to the API server.
    /// </summary>
    public async Task<V1PodStatus> TerminateAsync(V1Pod pod, Func<V1PodStatus, Task> reportFinalStatus, CancellationToken ct)
    {
        var uid = pod.Metadata.Uid;
        Probes?.Forget(uid);
        var runtimePod = await RuntimePod.LoadAsync(_runtime, uid, ct);
        await StopEverythingAsync(pod, runtimePod, GraceSeconds(pod), ct);
        runtimePod = await RuntimePod.LoadAsync(_runtime, uid, ct);
        var status = ComputeStatus(pod, runtimePod, new Dictionary<string, WaitingReason>(), terminal: true);
        await reportFinalStatus(status);
        await RemoveEverythingAsync(runtimePod, pod.Metadata.NamespaceProperty, pod.Metadata.Name, ct);
        _cache.Forget(uid);
        return status;
    }

    /// <summary>
    /// Stops every container and the sandbox of a pod that stays in the API (eviction) with the given grace period,
    /// keeping the containers for their logs and status; returns the status computed from what stopped.
    /// </summary>
    public async Task<V1PodStatus> KillAsync(V1Pod pod, long graceSeconds, CancellationToken ct)
    {
        var uid = pod.Metadata.Uid;
        Probes?.Forget(uid);
        var runtimePod = await RuntimePod.LoadAsync(_runtime, uid, ct);
        await StopEverythingAsync(pod, runtimePod, graceSeconds, ct);
        runtimePod = await ReloadAsync(uid, ct);
        return ComputeStatus(pod, runtimePod, new Dictionary<string, WaitingReason>(), terminal: true);
    }

    /// <summary>
    /// A pod the API no longer has (deleted while the kubelet was away, force-deleted, or an orphan found in the
    /// runtime at start): stop it with the grace period recorded on its containers, then remove everything.
    /// </summary>
    public async Task CleanupAsync(string uid, CancellationToken ct)
    {
        Probes?.Forget(uid);
        var runtimePod = await RuntimePod.LoadAsync(_runtime, uid, ct);
        if (!runtimePod.IsEmpty)
        {
            var grace = runtimePod.Containers
                .Select(c => c.Annotations.TryGetValue(KubeletLabels.GracePeriod, out var g) && long.TryParse(g, CultureInfo.InvariantCulture, out var v) ? v : 30)
                .DefaultIfEmpty(30)
                .Max();
            await StopEverythingAsync(null, runtimePod, grace, ct);
            var meta = runtimePod.Sandboxes.FirstOrDefault()?.Metadata;
            await RemoveEverythingAsync(runtimePod, meta?.Namespace, meta?.Name, ct);
            LogCleanedUp(_logger, uid);
        }
        else
        {
            VolumeManager.TearDown(_dirs, uid);
            _cgroups.Remove(uid);
        }
        _restartBackoff.RemovePrefix(uid + "_");
        _images.Forget(uid);
        _cache.Forget(uid);
    }

    /// <summary>Runs preStop and stops every running container in parallel, then stops the sandboxes.</summary>
    private async Task StopEverythingAsync(V1Pod? pod, RuntimePod runtimePod, long graceSeconds, CancellationToken ct)
    {
        var running = runtimePod.Containers.Where(c => c.State is ContainerState.ContainerRunning or ContainerState.ContainerCreated).ToList();
        await Task.WhenAll(running.Select(c => StopContainerAsync(pod, runtimePod, c, graceSeconds, ct)));
        foreach (var sandbox in runtimePod.Sandboxes.Where(s => s.State == PodSandboxState.SandboxReady))
        {
            await _runtime.StopPodSandboxAsync(sandbox.Id, ct);
        }
    }

    private async Task StopContainerAsync(V1Pod? pod, RuntimePod runtimePod, ContainerStatus c, long graceSeconds, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var spec = pod == null ? null : AllContainers(pod).FirstOrDefault(s => s.Name == c.Metadata.Name);
        var preStop = spec?.Lifecycle?.PreStop;
        if (preStop == null && c.Annotations.TryGetValue(KubeletLabels.PreStopHandler, out var json))
        {
            preStop = KubeJson.Deserialize<V1LifecycleHandler>(json);
        }
        if (preStop != null && c.State == ContainerState.ContainerRunning && graceSeconds > 0)
        {
            await RunPreStopAsync(pod, runtimePod, c, preStop, TimeSpan.FromSeconds(graceSeconds), ct);
        }
        var elapsed = (long)_time.GetElapsedTime(started).TotalSeconds;
        var remaining = Math.Max(graceSeconds - elapsed, MinimumGraceSeconds);
        if (pod != null) _recorder.Event(pod, EventTypes.Normal, "Killing", $"Stopping container {c.Metadata.Name}");
        await _runtime.StopContainerAsync(c.Id, remaining, ct);
    }

    /// <summary>preStop: exec through the runtime or an HTTP GET to the pod, bounded by the grace period; failures are events, not errors.</summary>
    private async Task RunPreStopAsync(V1Pod? pod, RuntimePod runtimePod, ContainerStatus c, V1LifecycleHandler hook, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            if (hook.Exec?.Command is { Count: > 0 } command)
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                cts.CancelAfter(timeout);
                var result = await _runtime.ExecSyncAsync(c.Id, command.ToList(), timeout, cts.Token);
                if (result.ExitCode != 0 && pod != null)
                {
                    _recorder.Event(pod, EventTypes.Warning, "FailedPreStopHook",
                        $"PreStopHook failed: command '{string.Join(' ', command)}' exited with {result.ExitCode}: {result.Stderr.ToStringUtf8()}");
                }
            }
            else if (hook.HttpGet is { } get)
            {
                var host = string.IsNullOrEmpty(get.Host) ? runtimePod.LatestSandbox?.Network?.Ip : get.Host;
                if (string.IsNullOrEmpty(host)) host = _node().HostIps.FirstOrDefault() ?? "127.0.0.1";
                var port = ProbePorts.ResolvePort(get.Port, pod == null ? null : AllContainers(pod).FirstOrDefault(s => s.Name == c.Metadata.Name));
                using var http = new HttpClient { Timeout = timeout };
                using var response = await http.GetAsync($"{(get.Scheme ?? "HTTP").ToLowerInvariant()}://{host}:{port}{get.Path ?? "/"}", ct);
            }
            else if (hook.Sleep is { } sleep)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(sleep.Seconds, timeout.TotalSeconds)), _time, ct);
            }
        }
        catch (Exception e) when (e is CriException or HttpRequestException or TaskCanceledException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            if (pod != null) _recorder.Event(pod, EventTypes.Warning, "FailedPreStopHook", $"PreStopHook failed: {e.Message}");
        }
    }

    private async Task RemoveEverythingAsync(RuntimePod runtimePod, string? ns, string? name, CancellationToken ct)
    {
        foreach (var c in runtimePod.Containers) await _runtime.RemoveContainerAsync(c.Id, ct);
        foreach (var s in runtimePod.Sandboxes)
        {
            await _runtime.StopPodSandboxAsync(s.Id, ct);
            await _runtime.RemovePodSandboxAsync(s.Id, ct);
        }
        VolumeManager.TearDown(_dirs, runtimePod.Uid);
        if (ns != null && name != null)
        {
            var logs = _dirs.PodLogs(ns, name, runtimePod.Uid);
            if (Directory.Exists(logs)) Directory.Delete(logs, true);
        }
        _cgroups.Remove(runtimePod.Uid);
    }

    [LoggerMessage(EventId = 6304, Level = LogLevel.Information, Message = "Removed runtime state of pod {Uid}, which the API no longer has")]
    private static partial void LogCleanedUp(ILogger logger, string uid);
}
