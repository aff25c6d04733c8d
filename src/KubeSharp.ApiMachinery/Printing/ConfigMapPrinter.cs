using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>ConfigMaps: NAME DATA AGE; DATA counts data and binaryData keys.</summary>
internal static class ConfigMapPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1ConfigMap>(
    [
        Columns.Name(),
        Columns.Of<V1ConfigMap>("Data", Columns.String, "data"),
        Columns.Age(),
    ], (cm, now) =>
    [
        Cell.Name(cm.Metadata),
        Cell.Int((cm.Data?.Count ?? 0) + (cm.BinaryData?.Count ?? 0)),
        Cell.Age(cm.Metadata, now),
    ]);
}
