using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's core/v1 SetDefaults_Service. ClusterIP and IP family allocation are not defaults; the API server's
/// allocator fills them.
/// </summary>
public static class ServiceDefaults
{
    /// <summary>upstream's DefaultClientIPServiceAffinitySeconds (3 hours).</summary>
    public const int DefaultClientIpAffinitySeconds = 10800;

    public static void Apply(V1Service service)
    {
        service.Spec ??= new V1ServiceSpec();
        var spec = service.Spec;
        if (string.IsNullOrEmpty(spec.SessionAffinity))
        {
            spec.SessionAffinity = "None";
        }
        if (spec.SessionAffinity == "None")
        {
            spec.SessionAffinityConfig = null;
        }
        if (spec.SessionAffinity == "ClientIP" && spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds is null)
        {
            spec.SessionAffinityConfig = new V1SessionAffinityConfig { ClientIP = new V1ClientIPConfig { TimeoutSeconds = DefaultClientIpAffinitySeconds } };
        }
        if (string.IsNullOrEmpty(spec.Type))
        {
            spec.Type = "ClusterIP";
        }
        foreach (var port in spec.Ports ?? [])
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
            if (port.TargetPort is null || string.IsNullOrEmpty(port.TargetPort.Value) || port.TargetPort.Value == "0")
            {
                port.TargetPort = port.Port;
            }
        }
        // Externally accessible: NodePort, LoadBalancer, or any service with external IPs.
        var external = spec.Type is "NodePort" or "LoadBalancer" || (spec.Type == "ClusterIP" && (spec.ExternalIPs?.Count ?? 0) > 0);
        if (external && string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
        {
            spec.ExternalTrafficPolicy = "Cluster";
        }
        if (spec.InternalTrafficPolicy is null && spec.Type is "NodePort" or "LoadBalancer" or "ClusterIP")
        {
            spec.InternalTrafficPolicy = "Cluster";
        }
        if (spec.Type == "LoadBalancer")
        {
            spec.AllocateLoadBalancerNodePorts ??= true;
            // LoadBalancerIPMode (beta, on in 1.32): ingress IPs without a mode are VIPs.
            foreach (var ingress in service.Status?.LoadBalancer?.Ingress ?? [])
            {
                if (!string.IsNullOrEmpty(ingress.Ip) && ingress.IpMode is null)
                {
                    ingress.IpMode = "VIP";
                }
            }
        }
    }
}
