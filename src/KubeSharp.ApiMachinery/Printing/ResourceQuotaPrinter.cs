using System.Text;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// ResourceQuotas: NAME REQUEST LIMIT AGE; each hard resource as "name: used/hard", sorted by name, "limits.*"
/// resources in LIMIT and all others in REQUEST.
/// </summary>
internal static class ResourceQuotaPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1ResourceQuota>(
    [
        Columns.Name(),
        Columns.Text("Request", Columns.String, "Request represents a minimum amount of cpu/memory that a container may consume."),
        Columns.Text("Limit", Columns.String,
            "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
        Columns.Age(),
    ], Cells);

    private static object?[] Cells(V1ResourceQuota quota, DateTime now)
    {
        var hard = quota.Status?.Hard;
        var used = quota.Status?.Used;
        var request = new StringBuilder();
        var limit = new StringBuilder();
        if (hard is { Count: > 0 })
        {
            var names = new string[hard.Count];
            hard.Keys.CopyTo(names, 0);
            Array.Sort(names, StringComparer.Ordinal);
            foreach (var name in names)
            {
                var target = name.StartsWith("limits.", StringComparison.Ordinal) ? limit : request;
                if (target.Length > 0)
                {
                    target.Append(", ");
                }
                // A missing used value is Go's zero Quantity, which prints as "0".
                var usedValue = used is not null && used.TryGetValue(name, out var u) && u is not null ? u.ToString() : "0";
                target.Append(name).Append(": ").Append(usedValue).Append('/').Append(hard[name]?.ToString() ?? "0");
            }
        }
        return [Cell.Name(quota.Metadata), request.ToString(), limit.ToString(), Cell.Age(quota.Metadata, now)];
    }
}
