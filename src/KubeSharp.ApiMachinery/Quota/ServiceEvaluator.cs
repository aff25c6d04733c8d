using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Quota;

/// <summary>Services: 1 service; a NodePort or LoadBalancer service uses one node port per port (a LoadBalancer
/// with allocateLoadBalancerNodePorts=false only the ports that name one), and a LoadBalancer one load balancer.</summary>
public sealed class ServiceEvaluator(ResourceInfo resource) : IQuotaEvaluator
{
    public const string Services = "services";
    public const string NodePorts = "services.nodeports";
    public const string LoadBalancers = "services.loadbalancers";
    private static readonly string Count = "count/services";

    public ResourceInfo Resource { get; } = resource;

    public bool HandlesUpdates => true;

    public bool Tracks(string name) => name is Services or NodePorts or LoadBalancers || name == Count;

    public bool MatchesScope(ScopeRequirement scope, object obj) => false;

    public Dictionary<string, ResourceQuantity> Usage(object obj, DateTimeOffset now)
    {
        var svc = (V1Service)obj;
        var ports = svc.Spec?.Ports?.Count ?? 0;
        var usage = ResourceLists.Empty();
        usage[Count] = ResourceLists.Quantity(1);
        usage[Services] = ResourceLists.Quantity(1);
        usage[LoadBalancers] = ResourceLists.Quantity(0);
        usage[NodePorts] = ResourceLists.Quantity(0);
        switch (svc.Spec?.Type)
        {
            case "NodePort":
                usage[NodePorts] = ResourceLists.Quantity(ports);
                break;
            case "LoadBalancer":
                // Node ports are not allocated yet at admission: count what the service asks for.
                var nodePorts = svc.Spec.AllocateLoadBalancerNodePorts == false
                    ? svc.Spec.Ports?.Count(p => p.NodePort is > 0) ?? 0
                    : ports;
                usage[NodePorts] = ResourceLists.Quantity(nodePorts);
                usage[LoadBalancers] = ResourceLists.Quantity(1);
                break;
        }
        return usage;
    }

    public string? Constraints(IReadOnlyCollection<string> required, object obj) => null;
}
