using System.Globalization;
using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Status;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Pods;

internal sealed partial class PodSyncer
{
    private sealed record StartContext(
        V1Pod Pod,
        string SandboxId,
        PodSandboxConfig SandboxConfig,
        IReadOnlyList<string> PodIps,
        NodeFacts Node,
        IReadOnlyDictionary<string, string>? VolumePaths,
        string? EtcHosts,
        Dictionary<string, WaitingReason> Waiting,
        Action<TimeSpan?> Requeue);

    /// <summary>
    /// Init containers run one at a time, in order, in the current sandbox. Returns null when all succeeded (app
    /// containers may start), otherwise the number of containers started (0 while one runs or backs off).
    /// </summary>
    private async Task<int?> SyncInitContainersAsync(StartContext context, RuntimePod runtimePod, CancellationToken ct)
    {
        var pod = context.Pod;
        foreach (var c in pod.Spec.InitContainers ?? [])
        {
            var latest = runtimePod.Latest(c.Name, context.SandboxId);
            if (latest == null) return await StartAsync(context, c, true, runtimePod, ct) ? 1 : 0;
            if (latest.State is ContainerState.ContainerRunning) return 0;
            if (latest.State is ContainerState.ContainerCreated)
            {
                // Created but never started (the kubelet stopped in between): replace it.
                await _runtime.RemoveContainerAsync(latest.Id, ct);
                return await StartAsync(context, c, true, runtimePod, ct) ? 1 : 0;
            }
            if (latest.ExitCode == 0) continue;
            if (pod.Spec.RestartPolicy == "Never") return 0;
            if (InBackOff(context, c, latest)) return 0;
            return await StartAsync(context, c, true, runtimePod, ct) ? 1 : 0;
        }
        return null;
    }

    private async Task<int> SyncAppContainersAsync(StartContext context, RuntimePod runtimePod, CancellationToken ct)
    {
        var pod = context.Pod;
        var policy = pod.Spec.RestartPolicy ?? "Always";
        var started = 0;
        foreach (var c in pod.Spec.Containers ?? [])
        {
            var current = runtimePod.Latest(c.Name, context.SandboxId);
            if (current is { State: ContainerState.ContainerRunning })
            {
                if (current.Annotations.TryGetValue(KubeletLabels.ContainerHash, out var hash) && hash != ContainerConfigFactory.Hash(c))
                {
                    // The spec changed (a new image): upstream kills the container and starts it again right away.
                    _recorder.Event(pod, EventTypes.Normal, "Killing", $"Container {c.Name} definition changed, will be restarted");
                    await _runtime.StopContainerAsync(current.Id, GraceSeconds(pod), ct);
                    context.Requeue(TimeSpan.Zero);
                }
                continue;
            }
            if (current is { State: ContainerState.ContainerCreated })
            {
                await _runtime.RemoveContainerAsync(current.Id, ct);
            }
            var latest = runtimePod.Latest(c.Name);
            if (latest is { State: ContainerState.ContainerExited })
            {
                var restart = policy == "Always" || (policy == "OnFailure" && latest.ExitCode != 0);
                if (!restart) continue;
                if (InBackOff(context, c, latest)) continue;
            }
            if (await StartAsync(context, c, false, runtimePod, ct)) started++;
        }
        return started;
    }

    /// <summary>
    /// Upstream's doBackOff: the first restart after an exit is immediate, later ones wait 10 s, 20 s, 40 s ... 5 min
    /// counted from the exit (the history is dropped after 10 minutes without a failure).
    /// </summary>
    private bool InBackOff(StartContext context, V1Container c, ContainerStatus exited)
    {
        var pod = context.Pod;
        var key = $"{pod.Metadata.Uid}_{c.Name}";
        var finished = DateTimeOffset.UnixEpoch.AddTicks(exited.FinishedAt / 100);
        var now = _time.GetUtcNow();
        if (_restartBackoff.IsInBackOffSince(key, finished, now))
        {
            var delay = _restartBackoff.Get(key);
            var message = $"back-off {GoDuration(delay)} restarting failed container={c.Name} pod={pod.Metadata.Name}_{pod.Metadata.NamespaceProperty}({pod.Metadata.Uid})";
            context.Waiting[c.Name] = new WaitingReason("CrashLoopBackOff", message);
            context.Requeue(finished + delay - now);
            _recorder.Event(pod, EventTypes.Warning, "BackOff", $"Back-off restarting failed container {c.Name} in pod {pod.Metadata.Name}_{pod.Metadata.NamespaceProperty}({pod.Metadata.Uid})");
            return true;
        }
        _restartBackoff.Next(key, finished);
        return false;
    }

    private async Task<bool> StartAsync(StartContext context, V1Container c, bool isInit, RuntimePod runtimePod, CancellationToken ct)
    {
        var pod = context.Pod;
        if (context.VolumePaths == null)
        {
            context.Waiting[c.Name] = new WaitingReason("ContainerCreating", "");
            return false;
        }
        var pulled = await _images.EnsureAsync(pod, c, context.SandboxConfig, ct);
        if (pulled.Reason != null)
        {
            context.Waiting[c.Name] = new WaitingReason(pulled.Reason, pulled.Message ?? "");
            context.Requeue(pulled.RetryAfter);
            return false;
        }
        var previous = runtimePod.Latest(c.Name);
        var attempt = previous == null ? 0u : previous.Metadata.Attempt + 1;
        ContainerConfig config;
        try
        {
            var env = await EnvBuilder.BuildAsync(c, new EnvBuilder.Context(pod, context.PodIps, context.Node.HostIps,
                ServiceEnv.For(pod, _services()), context.Node.Allocatable, _objects), ct);
            config = _containers.Create(new ContainerConfigFactory.Input(pod, c, isInit, attempt, env, context.VolumePaths, context.EtcHosts));
        }
        catch (ContainerConfigException e)
        {
            context.Waiting[c.Name] = new WaitingReason("CreateContainerConfigError", e.Message);
            _recorder.Event(pod, EventTypes.Warning, "Failed", $"Error: {e.Message}");
            context.Requeue(TimeSpan.FromSeconds(10));
            return false;
        }
        Directory.CreateDirectory(Path.Combine(context.SandboxConfig.LogDirectory, c.Name));
        string id;
        try
        {
            id = await _runtime.CreateContainerAsync(context.SandboxId, config, context.SandboxConfig, ct);
        }
        catch (CriException e)
        {
            context.Waiting[c.Name] = new WaitingReason("CreateContainerError", e.Message);
            _recorder.Event(pod, EventTypes.Warning, "Failed", $"Error: {e.Message}");
            context.Requeue(TimeSpan.FromSeconds(10));
            return false;
        }
        _recorder.Event(pod, EventTypes.Normal, "Created", $"Created container {c.Name}");
        try
        {
            await _runtime.StartContainerAsync(id, ct);
        }
        catch (CriException e)
        {
            context.Waiting[c.Name] = new WaitingReason("RunContainerError", e.Message);
            _recorder.Event(pod, EventTypes.Warning, "Failed", $"Error: {e.Message}");
            context.Requeue(TimeSpan.FromSeconds(10));
            return false;
        }
        _recorder.Event(pod, EventTypes.Normal, "Started", $"Started container {c.Name}");
        LogContainerStarted(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name, c.Name, attempt);
        await RemoveOldContainersAsync(runtimePod, c.Name, ct);
        return true;
    }

    /// <summary>Keeps one dead container per name (the source of lastState and of `logs --previous`), as upstream's GC.</summary>
    private async Task RemoveOldContainersAsync(RuntimePod runtimePod, string name, CancellationToken ct)
    {
        foreach (var old in runtimePod.Containers.Where(c => c.Metadata.Name == name && c.State == ContainerState.ContainerExited).Skip(1))
        {
            await _runtime.RemoveContainerAsync(old.Id, ct);
        }
    }

    /// <summary>A duration as Go prints it (10s, 1m20s, 5m0s), which is how upstream's back-off messages read.</summary>
    internal static string GoDuration(TimeSpan d)
    {
        var total = (long)d.TotalSeconds;
        if (total < 60) return total.ToString(CultureInfo.InvariantCulture) + "s";
        var minutes = total / 60;
        var seconds = total % 60;
        if (minutes < 60) return $"{minutes}m{seconds}s";
        return $"{minutes / 60}h{minutes % 60}m{seconds}s";
    }

    [LoggerMessage(EventId = 6303, Level = LogLevel.Information, Message = "Pod {Namespace}/{Name}: container {Container} started (attempt {Attempt})")]
    private static partial void LogContainerStarted(ILogger logger, string @namespace, string name, string container, uint attempt);
}
