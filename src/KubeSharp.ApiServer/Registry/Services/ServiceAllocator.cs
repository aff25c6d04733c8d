using System.Globalization;
using System.Net;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Validation;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>
/// Cluster IP and node port allocation for Services (upstream's service REST allocators): create takes the
/// Service's addresses and ports, update takes what a type or port change adds and gives back what it drops,
/// delete gives everything back. Allocations live in the store (<see cref="StoreRangeAllocator"/>).
/// </summary>
public sealed partial class ServiceAllocator : IWriteHooks
{
    private static readonly ResourceInfo Services = ResourceTable.Find("", "services")!;
    private static readonly FieldPath Spec = FieldPath.Root("spec");
    private readonly ILogger _logger;

    public ServiceAllocator(IStore store, ServiceIpRange ipRange, NodePortRange portRange, ILogger logger)
    {
        IpRange = ipRange;
        PortRange = portRange;
        _logger = logger;
        Ips = new StoreRangeAllocator(store, "serviceips", ipRange.Size, ipRange.StaticBand,
            o => ipRange.AddressAt(o).ToString(), s => IPAddress.TryParse(s, out var ip) ? ipRange.OffsetOf(ip) : null);
        Ports = new StoreRangeAllocator(store, "servicenodeports", (ulong)portRange.Size, (ulong)portRange.StaticBand,
            o => (portRange.Base + (int)o).ToString(CultureInfo.InvariantCulture),
            s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && portRange.Contains(p) ? (ulong)(p - portRange.Base) : null);
    }

    public ServiceIpRange IpRange { get; }

    public NodePortRange PortRange { get; }

    public StoreRangeAllocator Ips { get; }

    public StoreRangeAllocator Ports { get; }

    public async Task<IWriteTransaction> BeginCreateAsync(IKubernetesObject<V1ObjectMeta> obj, bool dryRun, CancellationToken cancellationToken)
    {
        var service = (V1Service)obj;
        var spec = service.Spec ??= new V1ServiceSpec();
        var txn = new ServiceAllocationTransaction(this, service.Metadata.Uid, dryRun);
        InitIpFamilies(service, null);
        try
        {
            if (NeedsClusterIp(spec)) await AllocateClusterIpAsync(service, txn, cancellationToken);
            if (NeedsNodePorts(spec)) await AllocateNodePortsAsync(service, null, txn, cancellationToken);
            if (NeedsHealthCheck(spec)) await AllocateHealthCheckPortAsync(service, txn, cancellationToken);
        }
        catch
        {
            await txn.RevertAsync(CancellationToken.None);
            throw;
        }
        return txn;
    }

    public async Task<IWriteTransaction> BeginUpdateAsync(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old, bool dryRun,
        CancellationToken cancellationToken)
    {
        var service = (V1Service)obj;
        var before = (V1Service)old;
        var spec = service.Spec ??= new V1ServiceSpec();
        var oldSpec = before.Spec ?? new V1ServiceSpec();
        var txn = new ServiceAllocationTransaction(this, before.Metadata.Uid, dryRun);
        InitIpFamilies(service, before);
        try
        {
            // ExternalName -> a type with a cluster IP allocates one; the other way releases it (upstream cases A/B).
            if (oldSpec.Type == "ExternalName" && NeedsClusterIp(spec))
            {
                await AllocateClusterIpAsync(service, txn, cancellationToken);
            }
            else if (NeedsClusterIp(oldSpec) && spec.Type == "ExternalName")
            {
                foreach (var ip in AllocatedIps(oldSpec)) txn.ReleaseOnCommit(ip);
            }

            if (NeedsNodePorts(spec))
            {
                await AllocateNodePortsAsync(service, before, txn, cancellationToken);
            }
            else
            {
                foreach (var port in NodePortsOf(oldSpec)) txn.ReleaseOnCommit(port);
            }

            var needed = NeedsHealthCheck(oldSpec);
            var needs = NeedsHealthCheck(spec);
            if (!needed && needs)
            {
                await AllocateHealthCheckPortAsync(service, txn, cancellationToken);
            }
            else if (needed && !needs && oldSpec.HealthCheckNodePort is > 0 and var hc)
            {
                txn.ReleaseOnCommit(hc);
            }
        }
        catch
        {
            await txn.RevertAsync(CancellationToken.None);
            throw;
        }
        return txn;
    }

    public async Task AfterDeleteAsync(IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken)
    {
        var spec = ((V1Service)obj).Spec ?? new V1ServiceSpec();
        var ports = NodePortsOf(spec);
        if (NeedsHealthCheck(spec) && spec.HealthCheckNodePort is > 0 and var hc) ports.Add(hc);
        await ReleaseAsync(NeedsClusterIp(spec) ? AllocatedIps(spec) : [], ports, obj.Metadata.Uid, CancellationToken.None);
    }

    internal async Task ReleaseAsync(IEnumerable<string> ips, IEnumerable<int> ports, string uid, CancellationToken cancellationToken)
    {
        foreach (var ip in ips)
        {
            if (IPAddress.TryParse(ip, out var parsed) && IpRange.OffsetOf(parsed) is { } offset)
            {
                try
                {
                    await Ips.ReleaseAsync(offset, uid, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReleaseFailed(_logger, "clusterIP", ip, e);
                }
            }
        }
        foreach (var port in ports)
        {
            if (!PortRange.Contains(port)) continue;
            try
            {
                await Ports.ReleaseAsync((ulong)(port - PortRange.Base), uid, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReleaseFailed(_logger, "nodePort", port.ToString(CultureInfo.InvariantCulture), e);
            }
        }
    }

    /// <summary>Every type but ExternalName has a cluster IP, unless headless ("None").</summary>
    internal static bool NeedsClusterIp(V1ServiceSpec spec) =>
        spec.Type != "ExternalName" && PrimaryIp(spec) != "None";

    internal static bool NeedsNodePorts(V1ServiceSpec spec) => spec.Type is "NodePort" or "LoadBalancer";

    /// <summary>upstream's NeedsHealthCheck: LoadBalancer services with externalTrafficPolicy Local.</summary>
    internal static bool NeedsHealthCheck(V1ServiceSpec spec) => spec.Type == "LoadBalancer" && spec.ExternalTrafficPolicy == "Local";

    private static bool ShouldAllocateNodePorts(V1ServiceSpec spec) =>
        spec.Type == "NodePort" || spec.Type == "LoadBalancer" && spec.AllocateLoadBalancerNodePorts != false;

    private static string PrimaryIp(V1ServiceSpec spec) => spec.ClusterIPs is { Count: > 0 } ips ? ips[0] : spec.ClusterIP ?? "";

    private static List<string> AllocatedIps(V1ServiceSpec spec)
    {
        var ips = spec.ClusterIPs is { Count: > 0 } list ? list.ToList() : string.IsNullOrEmpty(spec.ClusterIP) ? [] : [spec.ClusterIP];
        ips.RemoveAll(ip => ip is "" or "None");
        return ips;
    }

    private static List<int> NodePortsOf(V1ServiceSpec spec)
    {
        var ports = new List<int>();
        foreach (var p in spec.Ports ?? [])
        {
            if (p.NodePort is > 0 and var np && !ports.Contains(np)) ports.Add(np);
        }
        return ports;
    }

    private static StatusException Invalid(V1Service service, params FieldError[] errors) => Errors.Invalid(Services, service.Metadata.Name, errors);

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Could not release {Kind} {Item}; the repair loop will")]
    private static partial void LogReleaseFailed(ILogger logger, string kind, string item, Exception ex);
}
