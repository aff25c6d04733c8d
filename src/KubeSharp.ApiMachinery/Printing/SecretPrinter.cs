using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Secrets: NAME TYPE DATA AGE.</summary>
internal static class SecretPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1Secret>(
    [
        Columns.Name(),
        Columns.Of<V1Secret>("Type", Columns.String, "type"),
        Columns.Of<V1Secret>("Data", Columns.String, "data"),
        Columns.Age(),
    ], (secret, now) =>
    [
        Cell.Name(secret.Metadata),
        secret.Type ?? "",
        Cell.Int(secret.Data?.Count ?? 0),
        Cell.Age(secret.Metadata, now),
    ]);
}
