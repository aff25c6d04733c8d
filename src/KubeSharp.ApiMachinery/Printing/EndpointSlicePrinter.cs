using System.Globalization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>EndpointSlices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE, lists capped at three with "+ N more...".</summary>
internal static class EndpointSlicePrinter
{
    private const int Max = 3;

    public static ITablePrinter Create() => new TablePrinter<V1EndpointSlice>(
    [
        Columns.Name(),
        Columns.Of<V1EndpointSlice>("AddressType", Columns.String, "addressType"),
        Columns.Of<V1EndpointSlice>("Ports", Columns.String, "ports"),
        Columns.Of<V1EndpointSlice>("Endpoints", Columns.String, "endpoints"),
        Columns.Age(),
    ], (slice, now) =>
    [
        Cell.Name(slice.Metadata),
        slice.AddressType ?? "",
        Ports(slice.Ports),
        Endpoints(slice.Endpoints),
        Cell.Age(slice.Metadata, now),
    ]);

    private static string Ports(IList<Discoveryv1EndpointPort>? ports)
    {
        var list = new List<string>(Max);
        var count = 0;
        if (ports is not null)
        {
            foreach (var port in ports)
            {
                if (list.Count < Max)
                {
                    list.Add(port.Port is { } p ? p.ToString(CultureInfo.InvariantCulture) : port.Name ?? "*");
                }
                count++;
            }
        }
        return WithMore(list, count);
    }

    private static string Endpoints(IList<V1Endpoint>? endpoints)
    {
        var list = new List<string>(Max);
        var count = 0;
        if (endpoints is not null)
        {
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Addresses is null)
                {
                    continue;
                }
                foreach (var address in endpoint.Addresses)
                {
                    if (list.Count < Max)
                    {
                        list.Add(address);
                    }
                    count++;
                }
            }
        }
        return WithMore(list, count);
    }

    // listWithMoreString: "<unset>" for an empty list.
    private static string WithMore(List<string> list, int count)
    {
        var joined = string.Join(',', list);
        if (count > Max)
        {
            return $"{joined} + {count - Max} more...";
        }
        return joined.Length == 0 ? Cell.Unset : joined;
    }
}
