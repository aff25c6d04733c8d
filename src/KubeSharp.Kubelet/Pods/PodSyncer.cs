using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cgroups;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Status;
using KubeSharp.Kubelet.Volumes;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// One pod's reconcile (upstream's SyncPod with computePodActions): compare the spec with what the runtime has
/// (rebuilt from CRI labels, or the <see cref="RuntimePodCache"/> entry while PLEG saw no change), then act:
/// sandbox, init containers one by one, app containers with the restart policy and back-off. Idempotent; called only
/// by the pod's worker, so never twice at once for a pod.
/// </summary>
internal sealed partial class PodSyncer
{
    private readonly IRuntimeService _runtime;
    private readonly KubeletOptions _options;
    private readonly ImagePuller _images;
    private readonly VolumeManager _volumes;
    private readonly PodDirs _dirs;
    private readonly PodCgroups _cgroups;
    private readonly SandboxConfigFactory _sandboxes;
    private readonly ContainerConfigFactory _containers;
    private readonly IPodObjectSource _objects;
    private readonly Func<IEnumerable<V1Service>> _services;
    private readonly Func<NodeFacts> _node;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _startSlots;
    private readonly RuntimePodCache _cache;
    private readonly Backoff _restartBackoff = Backoff.ForContainers();

    public PodSyncer(PodSyncerDependencies d)
    {
        _runtime = d.Runtime;
        _options = d.Options;
        _images = d.Images;
        _volumes = d.Volumes;
        _dirs = d.Dirs;
        _cgroups = d.Cgroups;
        _sandboxes = d.Sandboxes;
        _containers = d.Containers;
        _objects = d.Objects;
        _services = d.Services;
        _node = d.Node;
        _recorder = d.Recorder;
        _time = d.Time;
        _logger = d.Logger;
        _cache = d.Cache;
        _startSlots = new SemaphoreSlim(Math.Max(1, d.Options.MaxParallelPodStarts));
    }

    /// <summary>Runs startup/liveness/readiness probes; set by the host (it needs the pod workers to report changes).</summary>
    public Prober.ProbeManager? Probes { get; set; }

    /// <summary>The runtime's name for container ids ("containerd" gives "containerd://&lt;id&gt;").</summary>
    public string RuntimeName { get; set; } = "containerd";

    public async Task<SyncResult> SyncPodAsync(V1Pod pod, CancellationToken ct)
    {
        var uid = pod.Metadata.Uid;
        var lease = _cache.Begin(uid);
        RuntimePod? known = null;
        try
        {
            (var result, known) = await SyncPodAsync(pod, lease, ct);
            return result;
        }
        catch
        {
            // A sync that failed half-way may have changed the runtime: nothing it knew is trusted any more.
            _cache.Invalidate(uid);
            throw;
        }
        finally
        {
            _cache.End(lease, known);
        }
    }

    /// <summary>
    /// The sync itself; returns the result and what the runtime has for the pod afterwards: the view it started from
    /// with its own changes patched in from the runtime's answers. Whenever it changes the runtime in a way it does
    /// not patch in, it invalidates the cache entry, so that view is then not stored.
    /// </summary>
    private async Task<(SyncResult Result, RuntimePod? Known)> SyncPodAsync(V1Pod pod, RuntimePodCache.Lease lease, CancellationToken ct)
    {
        var uid = pod.Metadata.Uid;
        var waiting = new Dictionary<string, WaitingReason>();
        TimeSpan? requeue = null;
        void Requeue(TimeSpan? after)
        {
            if (after is { } a && (requeue == null || a < requeue)) requeue = a < TimeSpan.Zero ? TimeSpan.Zero : a;
        }

        var runtimePod = lease.Pod ?? await RuntimePod.LoadAsync(_runtime, uid, ct);
        if (pod.Status?.Phase is "Succeeded" or "Failed")
        {
            // A finished pod keeps its containers (for logs) but nothing runs any more, its sandbox included.
            Probes?.Forget(uid);
            if (!IsStopped(runtimePod))
            {
                await StopEverythingAsync(pod, runtimePod, GraceSeconds(pod), ct);
                runtimePod = await ReloadAsync(uid, ct);
            }
            return (new SyncResult(ComputeStatus(pod, runtimePod, waiting, terminal: true), null), runtimePod);
        }

        var node = _node();
        var sandbox = runtimePod.LatestSandbox;
        if (sandbox is not { State: PodSandboxState.SandboxReady })
        {
            var stopped = false;
            if (sandbox != null)
            {
                await StopEverythingAsync(pod, runtimePod, 0, ct);
                stopped = true;
                if (pod.Spec.RestartPolicy == "Never" && (pod.Spec.Containers ?? []).All(c => runtimePod.Latest(c.Name) != null))
                {
                    // Upstream: a Never pod whose containers all ran gets no new sandbox; it is finished.
                    runtimePod = await ReloadAsync(uid, ct);
                    return (new SyncResult(ComputeStatus(pod, runtimePod, waiting, terminal: false), null), runtimePod);
                }
            }
            // The slot bounds sandbox creations only (KubeletOptions.MaxParallelPodStarts says why).
            string? created;
            await _startSlots.WaitAsync(ct);
            try
            {
                created = await CreateSandboxAsync(pod, sandbox == null ? 0 : sandbox.Metadata.Attempt + 1, node, ct);
            }
            finally
            {
                _startSlots.Release();
            }
            if (created == null)
            {
                _cache.Invalidate(uid);
                foreach (var c in AllContainers(pod)) waiting[c.Name] = new WaitingReason("ContainerCreating", "");
                throw new SyncRetryException(ComputeStatus(pod, runtimePod, waiting, terminal: false));
            }
            // A first sandbox adds just itself; after stopping an old one the containers changed too: read all.
            runtimePod = !stopped && await _runtime.PodSandboxStatusAsync(created, ct) is { } status
                ? runtimePod.WithSandbox(status)
                : await ReloadAsync(uid, ct);
            sandbox = runtimePod.LatestSandbox!;
        }

        var podIps = pod.Spec.HostNetwork == true ? node.HostIps : string.IsNullOrEmpty(sandbox.Network?.Ip) ? [] : new[] { sandbox.Network.Ip };
        var sandboxConfig = _sandboxes.Create(pod, sandbox.Metadata.Attempt, LogDir(pod), _cgroups.ParentFor(pod));
        var etcHosts = pod.Spec.HostNetwork == true ? null : WriteEtcHosts(pod, podIps);

        Dictionary<string, string>? volumePaths;
        try
        {
            volumePaths = await _volumes.SetUpAsync(new VolumeManager.Context(pod, podIps, node.HostIps, node.Allocatable), ct);
        }
        catch (Exception e) when (e is VolumeException or IOException or UnauthorizedAccessException)
        {
            _recorder.Event(pod, EventTypes.Warning, "FailedMount", $"MountVolume.SetUp failed: {e.Message}");
            volumePaths = null;
            Requeue(TimeSpan.FromSeconds(10));
        }

        var context = new StartContext(pod, sandbox.Id, sandboxConfig, podIps, node, volumePaths, etcHosts, waiting, Requeue, runtimePod);
        if (await SyncInitContainersAsync(context, ct))
        {
            return (new SyncResult(ComputeStatus(pod, context.Runtime, waiting, terminal: false), requeue), context.Runtime);
        }
        await SyncAppContainersAsync(context, ct);
        runtimePod = context.Runtime;
        Probes?.Sync(pod, runtimePod, podIps.FirstOrDefault() ?? node.HostIps.FirstOrDefault() ?? "127.0.0.1");
        return (new SyncResult(ComputeStatus(pod, runtimePod, waiting, terminal: false), requeue), runtimePod);
    }

    /// <summary>Drops the cached view of the pod (the sync changed it in ways it does not track) and reads it again.</summary>
    private Task<RuntimePod> ReloadAsync(string uid, CancellationToken ct)
    {
        _cache.Invalidate(uid);
        return RuntimePod.LoadAsync(_runtime, uid, ct);
    }

    /// <summary>Nothing left to stop: no container running or created, no sandbox ready.</summary>
    private static bool IsStopped(RuntimePod runtimePod) =>
        runtimePod.Containers.All(c => c.State is not (ContainerState.ContainerRunning or ContainerState.ContainerCreated))
        && runtimePod.Sandboxes.All(s => s.State != PodSandboxState.SandboxReady);

    private async Task<string?> CreateSandboxAsync(V1Pod pod, uint attempt, NodeFacts node, CancellationToken ct)
    {
        var logDir = LogDir(pod);
        Directory.CreateDirectory(logDir);
        Directory.CreateDirectory(_dirs.Pod(pod.Metadata.Uid));
        var parent = _cgroups.ParentFor(pod);
        _cgroups.Create(parent);
        var config = _sandboxes.Create(pod, attempt, logDir, parent);
        try
        {
            var id = await _runtime.RunPodSandboxAsync(config, _options.RuntimeHandler, ct);
            LogSandboxCreated(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name, id, attempt);
            return id;
        }
        catch (CriException e)
        {
            _recorder.Event(pod, EventTypes.Warning, "FailedCreatePodSandBox", $"Failed to create pod sandbox: {e.Message}");
            LogSandboxFailed(_logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name, e.Message);
            return null;
        }
    }

    internal V1PodStatus ComputeStatus(V1Pod pod, RuntimePod runtimePod, IReadOnlyDictionary<string, WaitingReason> waiting, bool terminal) =>
        PodStatusComputer.Compute(new PodStatusComputer.Input(pod, runtimePod, waiting, RuntimeName, _node().HostIps,
            TruncatedNow(), ReadTerminationMessage, Probes == null ? null : Probes.StateOf, terminal));

    private DateTime TruncatedNow()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>The container's termination message file (policy File), at most 4 KiB, as upstream reads it.</summary>
    private static string? ReadTerminationMessage(ContainerStatus status)
    {
        if (!status.Annotations.TryGetValue(KubeletLabels.TerminationMessagePath, out var inContainer)) return null;
        var mount = status.Mounts.FirstOrDefault(m => m.ContainerPath == inContainer);
        if (mount == null || !File.Exists(mount.HostPath)) return null;
        try
        {
            using var stream = File.OpenRead(mount.HostPath);
            var buffer = new byte[4096];
            var read = stream.Read(buffer, 0, buffer.Length);
            return read == 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string LogDir(V1Pod pod) => _dirs.PodLogs(pod.Metadata.NamespaceProperty, pod.Metadata.Name, pod.Metadata.Uid);

    private static IEnumerable<V1Container> AllContainers(V1Pod pod) => (pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers ?? []);

    private static long GraceSeconds(V1Pod pod) => pod.Metadata.DeletionGracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;

    private string WriteEtcHosts(V1Pod pod, IReadOnlyList<string> podIps)
    {
        var path = _dirs.EtcHosts(pod.Metadata.Uid);
        var text = new System.Text.StringBuilder()
            .Append("# Kubernetes-managed hosts file.\n")
            .Append("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n")
            .Append("fe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n");
        var hostname = SandboxConfigFactory.Hostname(pod);
        var fqdn = string.IsNullOrEmpty(pod.Spec.Subdomain)
            ? hostname
            : $"{hostname}.{pod.Spec.Subdomain}.{pod.Metadata.NamespaceProperty}.svc.{_options.ClusterDomain}\t{hostname}";
        foreach (var ip in podIps) text.Append(ip).Append('\t').Append(fqdn).Append('\n');
        foreach (var alias in pod.Spec.HostAliases ?? [])
        {
            text.Append("\n# Entries added by HostAliases.\n").Append(alias.Ip).Append('\t').Append(string.Join('\t', alias.Hostnames ?? [])).Append('\n');
        }
        var content = text.ToString();
        if (!File.Exists(path) || File.ReadAllText(path) != content)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
        return path;
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Pod {Namespace}/{Name}: sandbox {SandboxId} created (attempt {Attempt})")]
    private static partial void LogSandboxCreated(ILogger logger, string @namespace, string name, string sandboxId, uint attempt);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Pod {Namespace}/{Name}: creating the sandbox failed: {Error}")]
    private static partial void LogSandboxFailed(ILogger logger, string @namespace, string name, string error);
}

/// <summary>What a sync knows about the node: its IPs and allocatable resources.</summary>
internal sealed record NodeFacts(IReadOnlyList<string> HostIps, IDictionary<string, ResourceQuantity>? Allocatable);

/// <summary>A sync that failed and must be retried with back-off, carrying the status to report meanwhile.</summary>
internal sealed class SyncRetryException(V1PodStatus status) : Exception("pod sync must be retried")
{
    public V1PodStatus Status { get; } = status;
}

internal sealed record PodSyncerDependencies(
    IRuntimeService Runtime,
    KubeletOptions Options,
    ImagePuller Images,
    VolumeManager Volumes,
    PodDirs Dirs,
    PodCgroups Cgroups,
    SandboxConfigFactory Sandboxes,
    ContainerConfigFactory Containers,
    IPodObjectSource Objects,
    Func<IEnumerable<V1Service>> Services,
    Func<NodeFacts> Node,
    IEventRecorder Recorder,
    TimeProvider Time,
    ILogger Logger,
    RuntimePodCache Cache);
