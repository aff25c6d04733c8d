using System.Text;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR.</summary>
internal static class ServicePrinter
{
    // Upstream clips load-balancer addresses to 16 characters unless printing wide; the server prints wide.
    public static ITablePrinter Create() => new TablePrinter<V1Service>(
    [
        Columns.Name(),
        Columns.Of<V1ServiceSpec>("Type", Columns.String, "type"),
        Columns.Of<V1ServiceSpec>("Cluster-IP", Columns.String, "clusterIP"),
        Columns.Of<V1ServiceSpec>("External-IP", Columns.String, "externalIPs"),
        Columns.Of<V1ServiceSpec>("Port(s)", Columns.String, "ports"),
        Columns.Age(),
        Columns.Of<V1ServiceSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1Service service, DateTime now)
    {
        var spec = service.Spec;
        var ports = Ports(spec?.Ports);
        return
        [
            Cell.Name(service.Metadata),
            spec?.Type ?? "",
            ClusterIP(spec),
            ExternalIP(service),
            ports.Length == 0 ? Cell.None : ports,
            Cell.Age(service.Metadata, now),
            LabelFormat.Labels(spec?.Selector),
        ];
    }

    // Upstream's registry keeps clusterIPs[0] equal to clusterIP; a service stored with only the legacy field
    // would print its address there, so fall back to it.
    private static string ClusterIP(V1ServiceSpec? spec) =>
        spec?.ClusterIPs is { Count: > 0 } ips ? ips[0] : Cell.OrNone(spec?.ClusterIP);

    /// <summary>"80/TCP", "80:30080/TCP", comma-joined (upstream makePortString).</summary>
    public static string Ports(IList<V1ServicePort>? ports)
    {
        if (ports is null || ports.Count == 0)
        {
            return "";
        }
        var sb = new StringBuilder();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (i > 0)
            {
                sb.Append(',');
            }
            sb.Append(port.Port);
            if (port.NodePort is > 0)
            {
                sb.Append(':').Append(port.NodePort.Value);
            }
            // An unset protocol is the API default, TCP (normally filled in by defaulting before storage).
            sb.Append('/').Append(string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol);
        }
        return sb.ToString();
    }

    private static string ExternalIP(V1Service service)
    {
        var spec = service.Spec;
        var external = spec?.ExternalIPs;
        switch (spec?.Type)
        {
            case "ClusterIP":
            case "NodePort":
                return external is { Count: > 0 } ? string.Join(',', external) : Cell.None;
            case "LoadBalancer":
                var lb = LoadBalancerAddresses(service.Status?.LoadBalancer);
                if (external is { Count: > 0 })
                {
                    return lb.Length > 0 ? lb + "," + string.Join(',', external) : string.Join(',', external);
                }
                return lb.Length > 0 ? lb : "<pending>";
            case "ExternalName":
                return spec.ExternalName ?? "";
            default:
                return Cell.Unknown;
        }
    }

    // IP, else hostname, of each ingress point; de-duplicated and sorted (upstream collects them in a string set).
    private static string LoadBalancerAddresses(V1LoadBalancerStatus? status)
    {
        if (status?.Ingress is not { Count: > 0 } ingress)
        {
            return "";
        }
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var point in ingress)
        {
            if (!string.IsNullOrEmpty(point.Ip))
            {
                set.Add(point.Ip);
            }
            else if (!string.IsNullOrEmpty(point.Hostname))
            {
                set.Add(point.Hostname);
            }
        }
        return string.Join(',', set);
    }
}
