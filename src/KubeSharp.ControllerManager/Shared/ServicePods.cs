using System.Globalization;
using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeSharp.Client.Cache;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>
/// Which pods back a Service and on which ports: the rules the endpoints and endpointslice controllers share
/// (upstream's endpointslice util ShouldPodBeInEndpoints / ShouldSetHostname and podutil.FindPort).
/// </summary>
internal static class ServicePods
{
    /// <summary>Annotation with the time of the change that caused this endpoints update (v1.EndpointsLastChangeTriggerTime).</summary>
    public const string LastChangeTriggerTime = "endpoints.kubernetes.io/last-change-trigger-time";

    /// <summary>Label on the Endpoints and slices of a headless Service (v1.IsHeadlessService).</summary>
    public const string HeadlessLabel = "service.kubernetes.io/headless";

    /// <summary>The Service's pod selector; null for a selectorless Service, whose endpoints users manage.</summary>
    public static LabelSelector? Selector(V1Service service) =>
        service.Spec?.Selector == null ? null : LabelSelector.FromLabels(service.Spec.Selector);

    /// <summary>ExternalName Services and selectorless ones get no endpoints from the controllers.</summary>
    public static bool IsManaged(V1Service service) => service.Spec?.Type != "ExternalName" && service.Spec?.Selector != null;

    /// <summary>helper.IsServiceIPSet: a cluster IP other than None.</summary>
    public static bool HasClusterIp(V1Service service) =>
        service.Spec?.ClusterIP is { Length: > 0 } ip && ip != "None";

    /// <summary>
    /// Whether a pod may appear at all: it has an IP, it is not terminating (unless <paramref name="includeTerminating"/>),
    /// and, by its restart policy, it cannot have finished for good.
    /// </summary>
    public static bool ShouldBeInEndpoints(V1Pod pod, bool includeTerminating)
    {
        if (string.IsNullOrEmpty(pod.Status?.PodIP) && pod.Status?.PodIPs is not { Count: > 0 }) return false;
        if (!includeTerminating && pod.Metadata?.DeletionTimestamp != null) return false;
        var phase = pod.Status?.Phase;
        return pod.Spec?.RestartPolicy switch
        {
            "Never" => phase is not ("Failed" or "Succeeded"),
            "OnFailure" => phase != "Succeeded",
            _ => true,
        };
    }

    /// <summary>A pod's hostname is published when its subdomain names the Service in the same namespace.</summary>
    public static bool ShouldSetHostname(V1Pod pod, V1Service service) =>
        !string.IsNullOrEmpty(pod.Spec?.Hostname) && pod.Spec.Subdomain == service.Metadata?.Name
        && pod.Metadata?.NamespaceProperty == service.Metadata?.NamespaceProperty;

    /// <summary>The pod's IPs of one family ("IPv4" or "IPv6"); status.podIPs, or status.podIP when that list is empty.</summary>
    public static IReadOnlyList<string> PodIps(V1Pod pod, string family)
    {
        IEnumerable<string> all = pod.Status?.PodIPs is { Count: > 0 } ips
            ? ips.Select(i => i.Ip).Where(i => !string.IsNullOrEmpty(i))
            : string.IsNullOrEmpty(pod.Status?.PodIP) ? [] : [pod.Status.PodIP];
        var want = family == "IPv6" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        return all.Where(ip => IPAddress.TryParse(ip, out var a) && a.AddressFamily == want).ToList();
    }

    /// <summary>The Service's primary IP family: spec.ipFamilies[0], else the family of its cluster IP, else IPv4.</summary>
    public static string PrimaryFamily(V1Service service)
    {
        if (service.Spec?.IpFamilies is { Count: > 0 } families) return families[0];
        if (HasClusterIp(service) && IPAddress.TryParse(service.Spec!.ClusterIP, out var ip))
        {
            return ip.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        }
        return "IPv4";
    }

    /// <summary>
    /// The port number a Service port reaches on this pod: a numeric targetPort as is; a named one looked up among
    /// the ports of the pod's containers (and restartable init containers) with the same protocol; null when the
    /// pod has no port of that name, which leaves the pod out of this port's endpoints.
    /// </summary>
    public static int? FindPort(V1Pod pod, V1ServicePort servicePort)
    {
        var target = servicePort.TargetPort?.Value;
        if (string.IsNullOrEmpty(target)) return servicePort.Port;
        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        var protocol = string.IsNullOrEmpty(servicePort.Protocol) ? "TCP" : servicePort.Protocol;
        var containers = (pod.Spec?.Containers ?? []).Concat((pod.Spec?.InitContainers ?? []).Where(c => c.RestartPolicy == "Always"));
        foreach (var container in containers)
        {
            foreach (var port in container.Ports ?? [])
            {
                if (port.Name == target && (string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol) == protocol) return port.ContainerPort;
            }
        }
        return null;
    }

    /// <summary>Services in the pod's namespace whose selector matches <paramref name="labels"/> (GetPodServiceMemberships).</summary>
    public static IEnumerable<V1Service> Selecting(Lister<V1Service> services, string ns, IDictionary<string, string>? labels) =>
        services.List(ns).Where(s => Selector(s) is { } sel && sel.Matches(labels));
}
