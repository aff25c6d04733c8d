using k8s.Models;
using KubeSharp.ApiMachinery.OpenApi;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet.Cri;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Nodes;

/// <summary>
/// The kubelet's Node: registration, status (capacity, conditions, addresses, nodeInfo, images) written when it
/// changes and at least every report period, and the heartbeat Lease in kube-node-lease.
/// </summary>
internal sealed partial class NodeManager
{
    private readonly KubeClient _client;
    private readonly KubeletOptions _options;
    private readonly IRuntimeService _runtime;
    private readonly IImageService _images;
    private readonly INodeResourceProbe _probe;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HostInfo _host;
    private V1NodeStatus? _lastWritten;
    private DateTimeOffset _lastWrittenAt = DateTimeOffset.MinValue;
    private string _runtimeVersion = "";

    private readonly Eviction.NodePressure _pressure;

    public NodeManager(KubeClient client, KubeletOptions options, IRuntimeService runtime, IImageService images, Eviction.NodePressure pressure,
        TimeProvider time, ILogger logger)
    {
        _pressure = pressure;
        _client = client;
        _options = options;
        _runtime = runtime;
        _images = images;
        _time = time;
        _logger = logger;
        _probe = options.ResourceProbe ?? new HostResourceProbe(options.RootDir);
        _host = HostInfo.Read();
        NodeIP = options.NodeIP ?? HostInfo.DetectNodeIp();
        Hostname = options.Hostname ?? Environment.MachineName.ToLowerInvariant();
    }

    public string NodeIP { get; }

    public string Hostname { get; }

    /// <summary>Allocatable as last computed (resourceFieldRef falls back to it for containers without limits).</summary>
    public IDictionary<string, ResourceQuantity>? Allocatable { get; private set; }

    /// <summary>The Node's uid once registered (owner of the Lease).</summary>
    public string? NodeUid { get; private set; }

    /// <summary>Creates the Node, or adopts an existing one (adding our labels), then writes its first status.</summary>
    public async Task RegisterAsync(CancellationToken ct)
    {
        var version = await _runtime.VersionAsync(ct);
        _runtimeVersion = $"{version.RuntimeName}://{version.RuntimeVersion}";
        var nodes = _client.For<V1Node>();
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = Hostname,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = _host.Architecture,
            ["beta.kubernetes.io/os"] = "linux",
            ["beta.kubernetes.io/arch"] = _host.Architecture,
        };
        foreach (var (key, value) in _options.NodeLabels) labels[key] = value;
        var node = new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta
            {
                Name = _options.NodeName,
                Labels = labels,
                Annotations = new Dictionary<string, string> { ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true" },
            },
            Spec = new V1NodeSpec { Taints = _options.RegisterWithTaints.Count > 0 ? [.. _options.RegisterWithTaints] : null },
        };
        V1Node stored;
        try
        {
            stored = await nodes.CreateAsync(node, ct);
            LogRegistered(_logger, _options.NodeName);
        }
        catch (KubeApiException e) when (ApiErrors.IsAlreadyExists(e))
        {
            // Upstream re-registration: the Node stays (with its podCIDR and user labels); our labels are made current.
            stored = await RetryOnConflictAsync(async () =>
            {
                var existing = await nodes.GetAsync(null, _options.NodeName, ct);
                existing.Metadata.Labels ??= new Dictionary<string, string>();
                var changed = false;
                foreach (var (key, value) in labels)
                {
                    if (existing.Metadata.Labels.TryGetValue(key, out var old) && old == value) continue;
                    existing.Metadata.Labels[key] = value;
                    changed = true;
                }
                return changed ? await nodes.UpdateAsync(existing, ct) : existing;
            });
            LogAdopted(_logger, _options.NodeName);
        }
        NodeUid = stored.Metadata.Uid;
        await UpdateStatusAsync(force: true, ct);
    }

    /// <summary>Writes status every update period when it changed, and every report period regardless.</summary>
    public async Task RunStatusLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.NodeStatusUpdateFrequency, _time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                var due = _time.GetUtcNow() - _lastWrittenAt >= _options.NodeStatusReportFrequency;
                await UpdateStatusAsync(due, ct);
            }
            catch (Exception e) when (e is KubeApiException or HttpRequestException or CriException or IOException)
            {
                LogStatusFailed(_logger, _options.NodeName, e.Message);
            }
        }
    }

    private async Task UpdateStatusAsync(bool force, CancellationToken ct)
    {
        var nodes = _client.For<V1Node>();
        await RetryOnConflictAsync(async () =>
        {
            var node = await nodes.GetAsync(null, _options.NodeName, ct);
            var status = await ComputeStatusAsync(node.Status, ct);
            if (!force && _lastWritten != null && SameIgnoringHeartbeats(_lastWritten, status) && SameIgnoringHeartbeats(node.Status, status))
            {
                return node;
            }
            node.Status = status;
            var written = await nodes.UpdateStatusAsync(node, ct);
            _lastWritten = status;
            _lastWrittenAt = _time.GetUtcNow();
            return written;
        });
    }

    private async Task<V1NodeStatus> ComputeStatusAsync(V1NodeStatus? previous, CancellationToken ct)
    {
        var figures = _probe.Read();
        Cri.V1.RuntimeStatus? runtime = null;
        string? runtimeError = null;
        try
        {
            runtime = await _runtime.StatusAsync(ct);
        }
        catch (CriException e)
        {
            runtimeError = e.Message;
        }
        var capacity = NodeResources.Capacity(figures, _options.MaxPods);
        var status = new V1NodeStatus
        {
            Capacity = capacity,
            Allocatable = NodeResources.Allocatable(capacity, _options),
            Conditions = NodeConditions.Compute(_pressure, runtime, runtimeError, previous?.Conditions, _time.GetUtcNow().UtcDateTime),
            Addresses =
            [
                new V1NodeAddress { Type = "InternalIP", Address = NodeIP },
                new V1NodeAddress { Type = "Hostname", Address = Hostname },
            ],
            DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = _options.Port } },
            NodeInfo = new V1NodeSystemInfo
            {
                MachineID = _host.MachineId,
                SystemUUID = _host.SystemUuid,
                BootID = _host.BootId,
                KernelVersion = _host.KernelVersion,
                OsImage = _host.OsImage,
                ContainerRuntimeVersion = _runtimeVersion,
                KubeletVersion = OpenApiDocuments.KubernetesVersion,
                KubeProxyVersion = "",
                OperatingSystem = "linux",
                Architecture = _host.Architecture,
            },
            Images = await ImagesAsync(ct),
        };
        Allocatable = status.Allocatable;
        // Fields other writers own (volumes, config) are carried over.
        status.VolumesAttached = previous?.VolumesAttached;
        status.VolumesInUse = previous?.VolumesInUse;
        status.Config = previous?.Config;
        return status;
    }

    /// <summary>Up to 50 images, largest first, as upstream reports them for the scheduler's ImageLocality.</summary>
    private async Task<List<V1ContainerImage>?> ImagesAsync(CancellationToken ct)
    {
        try
        {
            var images = await _images.ListImagesAsync(ct);
            var result = images.OrderByDescending(i => i.Size).Take(50)
                .Select(i => new V1ContainerImage { Names = [.. i.RepoDigests, .. i.RepoTags], SizeBytes = (long)i.Size })
                .Where(i => i.Names.Count > 0)
                .ToList();
            return result.Count > 0 ? result : null;
        }
        catch (CriException)
        {
            return null;
        }
    }

    private static bool SameIgnoringHeartbeats(V1NodeStatus? a, V1NodeStatus b)
    {
        if (a == null) return false;
        static string Canon(V1NodeStatus s)
        {
            var copy = KubeSharp.Client.KubeObjects.DeepCopy(new V1Node { Status = s }).Status;
            foreach (var c in copy.Conditions ?? []) c.LastHeartbeatTime = null;
            return KubeJson.SerializeToString(copy);
        }
        return Canon(a) == Canon(b);
    }

    private static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e) && attempt < 5)
            {
                // Someone else (node controller, kubectl label) wrote in between: read again and redo.
            }
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Registered node {Node}")]
    private static partial void LogRegistered(ILogger logger, string node);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Node {Node} already registered; adopted it")]
    private static partial void LogAdopted(ILogger logger, string node);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Updating status of node {Node} failed: {Error}")]
    private static partial void LogStatusFailed(ILogger logger, string node, string error);
}
