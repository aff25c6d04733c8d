using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// PersistentVolumeClaims: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE |
/// VOLUMEMODE. Capacity and access modes are shown only once the claim is bound to a volume.
/// </summary>
internal static class PersistentVolumeClaimPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1PersistentVolumeClaim>(
    [
        Columns.Name(),
        Columns.Of<V1PersistentVolumeClaimStatus>("Status", Columns.String, "phase"),
        Columns.Of<V1PersistentVolumeClaimSpec>("Volume", Columns.String, "volumeName"),
        Columns.Of<V1PersistentVolumeClaimStatus>("Capacity", Columns.String, "capacity"),
        Columns.Of<V1PersistentVolumeClaimStatus>("Access Modes", Columns.String, "accessModes"),
        Columns.Text("StorageClass", Columns.String, "StorageClass of the pvc"),
        Columns.Text("VolumeAttributesClass", Columns.String, "VolumeAttributesClass of the pvc"),
        Columns.Age(),
        Columns.Of<V1PersistentVolumeClaimSpec>("VolumeMode", Columns.String, "volumeMode", 1),
    ], Cells);

    private static object?[] Cells(V1PersistentVolumeClaim pvc, DateTime now)
    {
        var spec = pvc.Spec;
        var status = pvc.Status;
        var phase = pvc.Metadata?.DeletionTimestamp is not null ? "Terminating" : status?.Phase ?? "";
        var capacity = "";
        var accessModes = "";
        if (!string.IsNullOrEmpty(spec?.VolumeName))
        {
            accessModes = AccessModes.Format(status?.AccessModes);
            capacity = status?.Capacity is not null && status.Capacity.TryGetValue("storage", out var q) && q is not null ? q.ToString() : "0";
        }
        return
        [
            Cell.Name(pvc.Metadata),
            phase,
            spec?.VolumeName ?? "",
            capacity,
            accessModes,
            PersistentVolumePrinter.StorageClass(pvc.Metadata, spec?.StorageClassName),
            spec?.VolumeAttributesClassName ?? Cell.Unset,
            Cell.Age(pvc.Metadata, now),
            spec?.VolumeMode ?? Cell.Unset,
        ];
    }
}
