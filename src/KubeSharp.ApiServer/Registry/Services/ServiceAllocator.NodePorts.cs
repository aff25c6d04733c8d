using System.Globalization;
using k8s.Models;
using KubeSharp.ApiMachinery.Validation;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Registry.Services;

public sealed partial class ServiceAllocator
{
    /// <summary>
    /// Gives every port of a NodePort/LoadBalancer Service a node port (upstream initNodePorts/updateNodePorts):
    /// requested ones are taken if free and in range, missing ones are allocated (not for a LoadBalancer with
    /// allocateLoadBalancerNodePorts=false), and ports with the same number share one node port (a TCP and a
    /// UDP port 53 on one node port is the classic case). On update, node ports the old Service held are kept
    /// without re-allocation and the ones it no longer uses are released after the write.
    /// </summary>
    private async Task AllocateNodePortsAsync(V1Service service, V1Service? before, ServiceAllocationTransaction txn, CancellationToken cancellationToken)
    {
        var spec = service.Spec;
        var owner = new AllocationOwner(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name, txn.Uid);
        var held = before?.Spec is { } oldSpec && NeedsNodePorts(oldSpec) ? NodePortsOf(oldSpec) : [];
        var byServicePort = new Dictionary<int, int>();
        var taken = new HashSet<int>(held);
        var ports = spec.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.NodePort is null or 0 && !ShouldAllocateNodePorts(spec)) continue;
            if (port.NodePort is null or 0)
            {
                // Share the node port of another entry with the same port number (requested there, or allocated
                // for an earlier entry); otherwise allocate one.
                if (!byServicePort.TryGetValue(port.Port, out var nodePort))
                {
                    if (FindRequested(ports, port.Port) is { } requested)
                    {
                        await TakeAsync(service, i, requested, owner, taken, txn, cancellationToken);
                        nodePort = requested;
                    }
                    else
                    {
                        var offset = await Ports.AllocateNextAsync(owner, txn.DryRun, cancellationToken)
                            ?? throw Errors.Internal("Internal error occurred: failed to allocate a nodePort: range is full");
                        nodePort = PortRange.Base + (int)offset;
                        if (!txn.DryRun) txn.Allocated(nodePort);
                        taken.Add(nodePort);
                    }
                }
                port.NodePort = nodePort;
            }
            else
            {
                await TakeAsync(service, i, port.NodePort.Value, owner, taken, txn, cancellationToken);
            }
            byServicePort.TryAdd(port.Port, port.NodePort!.Value);
        }

        var now = NodePortsOf(spec);
        foreach (var old in held)
        {
            if (!now.Contains(old)) txn.ReleaseOnCommit(old);
        }
    }

    private static int? FindRequested(IList<V1ServicePort> ports, int servicePort)
    {
        foreach (var p in ports)
        {
            if (p.Port == servicePort && p.NodePort is > 0) return p.NodePort;
        }
        return null;
    }

    /// <summary>Takes a requested node port unless this Service already holds it (from before, or an earlier entry).</summary>
    private async Task TakeAsync(V1Service service, int index, int nodePort, AllocationOwner owner, HashSet<int> taken,
        ServiceAllocationTransaction txn, CancellationToken cancellationToken)
    {
        if (taken.Contains(nodePort)) return;
        var path = Spec.Child("ports").Index(index).Child("nodePort");
        if (!PortRange.Contains(nodePort))
        {
            throw Invalid(service, FieldErrors.Invalid(path, nodePort,
                $"provided port is not in the valid range. The range of valid ports is {PortRange}"));
        }
        var offset = (ulong)(nodePort - PortRange.Base);
        var busy = txn.DryRun
            ? await Ports.IsAllocatedAsync(offset, cancellationToken)
            : await Ports.AllocateAsync(offset, owner, cancellationToken) == AllocateResult.AlreadyAllocated;
        if (busy) throw Invalid(service, FieldErrors.Invalid(path, nodePort, "provided port is already allocated"));
        if (!txn.DryRun) txn.Allocated(nodePort);
        taken.Add(nodePort);
    }

    /// <summary>upstream allocHealthCheckNodePort: the requested spec.healthCheckNodePort or any free node port.</summary>
    private async Task AllocateHealthCheckPortAsync(V1Service service, ServiceAllocationTransaction txn, CancellationToken cancellationToken)
    {
        var spec = service.Spec;
        var owner = new AllocationOwner(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name, txn.Uid);
        if (spec.HealthCheckNodePort is > 0 and var requested)
        {
            string? error = null;
            if (!PortRange.Contains(requested))
            {
                error = $"provided port is not in the valid range. The range of valid ports is {PortRange}";
            }
            else
            {
                var offset = (ulong)(requested - PortRange.Base);
                var busy = txn.DryRun
                    ? await Ports.IsAllocatedAsync(offset, cancellationToken)
                    : await Ports.AllocateAsync(offset, owner, cancellationToken) == AllocateResult.AlreadyAllocated;
                if (busy) error = "provided port is already allocated";
            }
            if (error != null)
            {
                throw Errors.Internal($"Internal error occurred: failed to allocate requested HealthCheck NodePort {requested.ToString(CultureInfo.InvariantCulture)}: {error}");
            }
            if (!txn.DryRun) txn.Allocated(requested);
            return;
        }
        var next = await Ports.AllocateNextAsync(owner, txn.DryRun, cancellationToken)
            ?? throw Errors.Internal("Internal error occurred: failed to allocate a HealthCheck NodePort 0: range is full");
        spec.HealthCheckNodePort = PortRange.Base + (int)next;
        if (!txn.DryRun) txn.Allocated(spec.HealthCheckNodePort.Value);
    }
}
