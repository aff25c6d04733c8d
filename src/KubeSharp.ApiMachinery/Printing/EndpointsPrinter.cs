using System.Globalization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Endpoints: NAME ENDPOINTS AGE; ENDPOINTS lists up to three "ip:port" then "+ N more...".</summary>
internal static class EndpointsPrinter
{
    private const int Max = 3;

    public static ITablePrinter Create() => new TablePrinter<V1Endpoints>(
    [
        Columns.Name(),
        Columns.Of<V1Endpoints>("Endpoints", Columns.String, "subsets"),
        Columns.Age(),
    ], (ep, now) => [Cell.Name(ep.Metadata), Format(ep.Subsets), Cell.Age(ep.Metadata, now)]);

    /// <summary>Upstream formatEndpoints with all ports; only ready addresses are listed.</summary>
    public static string Format(IList<V1EndpointSubset>? subsets)
    {
        if (subsets is null || subsets.Count == 0)
        {
            return Cell.None;
        }
        var list = new List<string>(Max);
        var more = false;
        var count = 0;
        foreach (var subset in subsets)
        {
            var addresses = subset.Addresses;
            var addressCount = addresses?.Count ?? 0;
            if (subset.Ports is null || subset.Ports.Count == 0)
            {
                // Headless services may have no ports: list bare IPs.
                count += addressCount;
                for (var i = 0; i < addressCount; i++)
                {
                    if (list.Count == Max)
                    {
                        more = true;
                        break;
                    }
                    list.Add(addresses![i].Ip ?? "");
                }
                continue;
            }
            foreach (var port in subset.Ports)
            {
                count += addressCount;
                for (var i = 0; i < addressCount; i++)
                {
                    if (list.Count == Max)
                    {
                        more = true;
                        break;
                    }
                    list.Add(JoinHostPort(addresses![i].Ip ?? "", port.Port));
                }
            }
        }
        var joined = string.Join(',', list);
        return more ? $"{joined} + {count - Max} more..." : joined;
    }

    // net.JoinHostPort brackets IPv6 addresses.
    private static string JoinHostPort(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal)
            ? "[" + host + "]:" + port.ToString(CultureInfo.InvariantCulture)
            : host + ":" + port.ToString(CultureInfo.InvariantCulture);
}
