using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>ServiceAccounts: NAME SECRETS AGE.</summary>
internal static class ServiceAccountPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1ServiceAccount>(
    [
        Columns.Name(),
        Columns.Of<V1ServiceAccount>("Secrets", Columns.String, "secrets"),
        Columns.Age(),
    ], (sa, now) => [Cell.Name(sa.Metadata), Cell.Int(sa.Secrets?.Count ?? 0), Cell.Age(sa.Metadata, now)]);
}
