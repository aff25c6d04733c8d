using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// PersistentVolumes: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS
/// REASON AGE | VOLUMEMODE.
/// </summary>
internal static class PersistentVolumePrinter
{
    /// <summary>The beta annotation still overrides spec.storageClassName (upstream GetPersistentVolumeClass).</summary>
    public const string BetaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

    public static ITablePrinter Create() => new TablePrinter<V1PersistentVolume>(
    [
        Columns.Name(),
        Columns.Of<V1PersistentVolumeSpec>("Capacity", Columns.String, "capacity"),
        Columns.Of<V1PersistentVolumeSpec>("Access Modes", Columns.String, "accessModes"),
        Columns.Of<V1PersistentVolumeSpec>("Reclaim Policy", Columns.String, "persistentVolumeReclaimPolicy"),
        Columns.Of<V1PersistentVolumeStatus>("Status", Columns.String, "phase"),
        Columns.Of<V1PersistentVolumeSpec>("Claim", Columns.String, "claimRef"),
        Columns.Text("StorageClass", Columns.String, "StorageClass of the pv"),
        Columns.Text("VolumeAttributesClass", Columns.String, "VolumeAttributesClass of the pv"),
        Columns.Of<V1PersistentVolumeStatus>("Reason", Columns.String, "reason"),
        Columns.Age(),
        Columns.Of<V1PersistentVolumeSpec>("VolumeMode", Columns.String, "volumeMode", 1),
    ], Cells);

    private static object?[] Cells(V1PersistentVolume pv, DateTime now)
    {
        var spec = pv.Spec;
        var claim = spec?.ClaimRef is { } claimRef ? claimRef.NamespaceProperty + "/" + claimRef.Name : "";
        var capacity = spec?.Capacity is not null && spec.Capacity.TryGetValue("storage", out var q) && q is not null ? q.ToString() : "0";
        var phase = pv.Metadata?.DeletionTimestamp is not null ? "Terminating" : pv.Status?.Phase ?? "";
        return
        [
            Cell.Name(pv.Metadata),
            capacity,
            AccessModes.Format(spec?.AccessModes),
            spec?.PersistentVolumeReclaimPolicy ?? "",
            phase,
            claim,
            StorageClass(pv.Metadata, spec?.StorageClassName),
            spec?.VolumeAttributesClassName ?? Cell.Unset,
            pv.Status?.Reason ?? "",
            Cell.Age(pv.Metadata, now),
            spec?.VolumeMode ?? Cell.Unset,
        ];
    }

    public static string StorageClass(V1ObjectMeta? metadata, string? storageClassName) =>
        metadata?.Annotations is not null && metadata.Annotations.TryGetValue(BetaStorageClassAnnotation, out var annotated)
            ? annotated
            : storageClassName ?? "";
}
