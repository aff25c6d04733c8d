using System.Globalization;
using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Docker-link style service variables (upstream pkg/kubelet/envvars): FOO_SERVICE_HOST, FOO_SERVICE_PORT,
/// FOO_SERVICE_PORT_&lt;NAME&gt;, FOO_PORT, FOO_PORT_&lt;port&gt;_&lt;PROTO&gt;[_PROTO|_PORT|_ADDR] for every service with a
/// cluster IP. Services of the pod's namespace when enableServiceLinks (default true), plus the master service
/// ("kubernetes" in "default") always.
/// </summary>
internal static class ServiceEnv
{
    public static List<(string Name, string Value)> For(V1Pod pod, IEnumerable<V1Service> services)
    {
        var links = pod.Spec.EnableServiceLinks ?? true;
        var selected = new Dictionary<string, V1Service>();
        foreach (var service in services)
        {
            var ip = service.Spec?.ClusterIP;
            if (string.IsNullOrEmpty(ip) || ip == "None") continue;
            var ns = service.Metadata.NamespaceProperty;
            var isMaster = ns == "default" && service.Metadata.Name == "kubernetes";
            // A service of the pod's own namespace wins over the master service of the same name.
            if (ns == pod.Metadata.NamespaceProperty && links) selected[service.Metadata.Name] = service;
            else if (isMaster && !selected.ContainsKey("kubernetes")) selected["kubernetes"] = service;
        }
        var result = new List<(string, string)>();
        foreach (var service in selected.Values.OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            Append(result, service);
        }
        return result;
    }

    private static void Append(List<(string, string)> result, V1Service service)
    {
        var prefix = service.Metadata.Name.ToUpperInvariant().Replace('-', '_');
        var ip = service.Spec.ClusterIP;
        var ports = service.Spec.Ports ?? [];
        result.Add((prefix + "_SERVICE_HOST", ip));
        if (ports.Count == 0) return;
        result.Add((prefix + "_SERVICE_PORT", Str(ports[0].Port)));
        foreach (var port in ports)
        {
            if (!string.IsNullOrEmpty(port.Name)) result.Add((prefix + "_SERVICE_PORT_" + port.Name.ToUpperInvariant().Replace('-', '_'), Str(port.Port)));
        }
        var first = ports[0];
        result.Add((prefix + "_PORT", $"{Proto(first).ToLowerInvariant()}://{ip}:{Str(first.Port)}"));
        foreach (var port in ports)
        {
            var proto = Proto(port);
            var name = $"{prefix}_PORT_{Str(port.Port)}_{proto.ToUpperInvariant()}";
            result.Add((name, $"{proto.ToLowerInvariant()}://{ip}:{Str(port.Port)}"));
            result.Add((name + "_PROTO", proto.ToLowerInvariant()));
            result.Add((name + "_PORT", Str(port.Port)));
            result.Add((name + "_ADDR", ip));
        }
    }

    private static string Proto(V1ServicePort port) => string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol;

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
