using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Ingresses: NAME CLASS HOSTS ADDRESS PORTS AGE.</summary>
internal static class IngressPrinter
{
    private const int MaxHosts = 3;

    public static ITablePrinter Create() => new TablePrinter<V1Ingress>(
    [
        Columns.Name(),
        Columns.Text("Class", Columns.String, "The name of the IngressClass resource that should be used for additional configuration"),
        Columns.Text("Hosts", Columns.String, "Hosts that incoming requests are matched against before the ingress rule"),
        Columns.Text("Address", Columns.String, "Address is a list containing ingress points for the load-balancer"),
        Columns.Text("Ports", Columns.String, "Ports of TLS configurations that open"),
        Columns.Age(),
    ], (ingress, now) =>
    [
        Cell.Name(ingress.Metadata),
        Cell.OrNone(ingress.Spec?.IngressClassName),
        Hosts(ingress.Spec?.Rules),
        Address(ingress.Status?.LoadBalancer),
        ingress.Spec?.Tls is { Count: > 0 } ? "80, 443" : "80",
        Cell.Age(ingress.Metadata, now),
    ]);

    // Up to three non-empty hosts, "*" when none; the "more" count is over all rules (upstream formatHosts).
    private static string Hosts(IList<V1IngressRule>? rules)
    {
        if (rules is null || rules.Count == 0)
        {
            return "*";
        }
        var list = new List<string>(MaxHosts);
        var more = false;
        foreach (var rule in rules)
        {
            if (list.Count == MaxHosts)
            {
                more = true;
            }
            if (!more && !string.IsNullOrEmpty(rule.Host))
            {
                list.Add(rule.Host);
            }
        }
        if (list.Count == 0)
        {
            return "*";
        }
        var joined = string.Join(',', list);
        return more ? $"{joined} + {rules.Count - MaxHosts} more..." : joined;
    }

    // IP, else hostname, of each ingress point, de-duplicated and sorted; the server prints it unclipped.
    private static string Address(V1IngressLoadBalancerStatus? status)
    {
        if (status?.Ingress is not { Count: > 0 } points)
        {
            return "";
        }
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var point in points)
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
