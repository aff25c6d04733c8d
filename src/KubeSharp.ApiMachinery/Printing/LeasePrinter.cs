using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Leases: NAME HOLDER AGE.</summary>
internal static class LeasePrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1Lease>(
    [
        Columns.Name(),
        Columns.Of<V1LeaseSpec>("Holder", Columns.String, "holderIdentity"),
        Columns.Age(),
    ], (lease, now) => [Cell.Name(lease.Metadata), lease.Spec?.HolderIdentity ?? "", Cell.Age(lease.Metadata, now)]);
}
