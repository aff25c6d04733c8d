using System.Net;
using k8s.Models;
using KubeSharp.ApiMachinery.Validation;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Registry.Services;

public sealed partial class ServiceAllocator
{
    /// <summary>Takes the requested cluster IP (spec.clusterIPs[0]) or any free one, and writes it to both
    /// spec.clusterIP and spec.clusterIPs. The cluster is single-stack: one IP per Service.</summary>
    private async Task AllocateClusterIpAsync(V1Service service, ServiceAllocationTransaction txn, CancellationToken cancellationToken)
    {
        var spec = service.Spec;
        var owner = new AllocationOwner(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name, txn.Uid);
        var requested = PrimaryIp(spec);
        string ip;
        if (requested.Length == 0)
        {
            var offset = await Ips.AllocateNextAsync(owner, txn.DryRun, cancellationToken)
                ?? throw Errors.Internal("Internal error occurred: failed to allocate a serviceIP: range is full");
            ip = IpRange.AddressAt(offset).ToString();
        }
        else
        {
            var clusterIps = spec.ClusterIPs is { Count: > 0 } list ? list.ToList() : [requested];
            // Not an address: nothing to take, and validation answers with upstream's 422.
            if (!IPAddress.TryParse(requested, out var parsed)) return;
            var offset = IpRange.OffsetOf(parsed)
                ?? throw Invalid(service, FieldErrors.Invalid(Spec.Child("clusterIPs"), clusterIps,
                    $"failed to allocate IP {requested}: provided IP is not in the valid range. The range of valid IPs is {IpRange.Cidr}"));
            var taken = txn.DryRun
                ? await Ips.IsAllocatedAsync(offset, cancellationToken)
                : await Ips.AllocateAsync(offset, owner, cancellationToken) == AllocateResult.AlreadyAllocated;
            if (taken)
            {
                throw Invalid(service, FieldErrors.Invalid(Spec.Child("clusterIPs"), clusterIps,
                    $"failed to allocate IP {requested}: provided IP is already allocated"));
            }
            ip = parsed.ToString();
        }
        if (!txn.DryRun) txn.Allocated(ip);
        spec.ClusterIP = ip;
        spec.ClusterIPs = [ip];
    }
}
