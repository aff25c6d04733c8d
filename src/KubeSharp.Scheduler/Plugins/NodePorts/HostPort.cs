using k8s.Models;

namespace KubeSharp.Scheduler.Plugins.NodePorts;

/// <summary>
/// A container's host port as the scheduler compares them (upstream HostPortInfo): an empty hostIP means 0.0.0.0
/// and an empty protocol TCP. Two ports conflict on the same protocol and port number when either binds
/// 0.0.0.0 (every address) or both bind the same address.
/// </summary>
internal readonly record struct HostPort(string Ip, string Protocol, int Port)
{
    public const string AnyIp = "0.0.0.0";

    public static HostPort From(V1ContainerPort p) =>
        new(string.IsNullOrEmpty(p.HostIP) ? AnyIp : p.HostIP, string.IsNullOrEmpty(p.Protocol) ? "TCP" : p.Protocol, p.HostPort ?? 0);

    public bool ConflictsWith(HostPort other) =>
        Port == other.Port && Protocol == other.Protocol && (Ip == AnyIp || other.Ip == AnyIp || Ip == other.Ip);

    /// <summary>The pod's requested host ports (app containers, as upstream); ports without a hostPort need nothing from the node.</summary>
    public static List<HostPort> Of(V1Pod pod)
    {
        var ports = new List<HostPort>();
        foreach (var c in pod.Spec?.Containers ?? [])
        {
            foreach (var p in c.Ports ?? [])
            {
                if (p.HostPort is > 0) ports.Add(From(p));
            }
        }
        return ports;
    }
}
