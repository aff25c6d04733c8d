using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Namespaces: NAME STATUS AGE.</summary>
internal static class NamespacePrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1Namespace>(
    [
        Columns.Name(),
        Columns.Text("Status", Columns.String, "The status of the namespace"),
        Columns.Age(),
    ], (ns, now) => [Cell.Name(ns.Metadata), ns.Status?.Phase ?? "", Cell.Age(ns.Metadata, now)]);
}
