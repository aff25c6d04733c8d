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
        Action<TimeSpan?> Requeue,
        RuntimePod Initial)
    {
        /// <summary>What the runtime has for the pod, with the containers this sync started or removed patched in.</summary>
        public RuntimePod Runtime { get; set; } = Initial;
    }

    /// <summary>
    /// Init containers run one at a time, in order, in the current sandbox. Returns false when all succeeded (app
    /// containers may start), true while one runs, backs off or was just started.
    /// </summary>
    private async Task<bool> SyncInitContainersAsync(StartContext context, CancellationToken ct)
    {
        var pod = context.Pod;
        foreach (var c in pod.Spec.InitContainers ?? [])
        {
            var latest = context.Runtime.Latest(c.Name, context.SandboxId);
            if (latest == null)
            {
                await StartAsync(context, c, true, ct);
                return true;
            }
            if (latest.State is ContainerState.ContainerRunning) return true;
            if (latest.State is ContainerState.ContainerCreated)
            {
                // Created but never started (the kubelet stopped in between): replace it.
                await RemoveCreatedAsync(context, latest.Id, ct);
                await StartAsync(context, c, true, ct);
                return true;
            }
            if (latest.ExitCode == 0) continue;
            if (pod.Spec.RestartPolicy == "Never") return true;
            if (InBackOff(context, c, latest)) return true;
            await StartAsync(context, c, true, ct);
            return true;
        }
        return false;
    }

    private async Task SyncAppContainersAsync(StartContext context, CancellationToken ct)
    {
        var pod = context.Pod;
        var policy = pod.Spec.RestartPolicy ?? "Always";
        foreach (var c in pod.Spec.Containers ?? [])
        {
            var current = context.Runtime.Latest(c.Name, context.SandboxId);
            if (current is { State: ContainerState.ContainerRunning })
            {
                if (current.Annotations.TryGetValue(KubeletLabels.ContainerHash, out var hash) && hash != ContainerConfigFactory.Hash(c))
                {
                    // The spec changed (a new image): upstream kills the container and starts it again right away.
                    _recorder.Event(pod, EventTypes.Normal, "Killing", $"Container {c.Name} definition changed, will be restarted");
                    _cache.Invalidate(pod.Metadata.Uid);
                    await _runtime.StopContainerAsync(current.Id, GraceSeconds(pod), ct);
                    context.Requeue(TimeSpan.Zero);
                }
                continue;
            }
            if (current is { State: ContainerState.ContainerCreated })
            {
                await RemoveCreatedAsync(context, current.Id, ct);
            }
            var latest = context.Runtime.Latest(c.Name);
            if (latest is { State: ContainerState.ContainerExited })
            {
                var restart = policy == "Always" || (policy == "OnFailure" && latest.ExitCode != 0);
                if (!restart) continue;
                if (InBackOff(context, c, latest)) continue;
            }
            await StartAsync(context, c, false, ct);
        }
    }

    /// <summary>
    /// Removes a container that was created but never started. The rest of this sync still counts it (its attempt
    /// number is the base of the next), so the view is not patched; the next sync reads the pod again.
    /// </summary>
    private async Task RemoveCreatedAsync(StartContext context, string containerId, CancellationToken ct)
    {
        _cache.Invalidate(context.Pod.Metadata.Uid);
        await _runtime.RemoveContainerAsync(containerId, ct);
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

    private async Task<bool> StartAsync(StartContext context, V1Container c, bool isInit, CancellationToken ct)
    {
        var runtimePod = context.Runtime;
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
            _cache.Invalidate(pod.Metadata.Uid);
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
            // The container stays created: the next sync sees it and replaces it.
            _cache.Invalidate(pod.Metadata.Uid);
            context.Waiting[c.Name] = new WaitingReason("RunContainerError", e.Message);
            _recorder.Event(pod, EventTypes.Warning, "Failed", $"Error: {e.Message}");
            context.Requeue(TimeSpan.FromSeconds(10));
            return false;
        }
        _recorder.Event(pod, EventTypes.Normal, "Started", $"Started container {c.Name}");
        LogContainerStarted(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name, c.Name, attempt);
        // Its status as a reload would show it (running, started at): one call instead of listing the pod again.
        if (await _runtime.ContainerStatusAsync(id, ct) is { } status) context.Runtime = context.Runtime.WithContainer(status, context.SandboxId);
        else _cache.Invalidate(pod.Metadata.Uid);
        await RemoveOldContainersAsync(context, runtimePod, c.Name, ct);
        return true;
    }

    /// <summary>Keeps one dead container per name (the source of lastState and of `logs --previous`), as upstream's GC.</summary>
    private async Task RemoveOldContainersAsync(StartContext context, RuntimePod before, string name, CancellationToken ct)
    {
        foreach (var old in before.Containers.Where(c => c.Metadata.Name == name && c.State == ContainerState.ContainerExited).Skip(1))
        {
            await _runtime.RemoveContainerAsync(old.Id, ct);
            context.Runtime = context.Runtime.WithoutContainer(old.Id);
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
