using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// StorageClasses: NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE; the default class is
/// named "x (default)".
/// </summary>
internal static class StorageClassPrinter
{
    private const string DefaultAnnotation = "storageclass.kubernetes.io/is-default-class";
    private const string BetaDefaultAnnotation = "storageclass.beta.kubernetes.io/is-default-class";

    public static ITablePrinter Create() => new TablePrinter<V1StorageClass>(
    [
        Columns.Name(),
        Columns.Of<V1StorageClass>("Provisioner", Columns.String, "provisioner"),
        Columns.Of<V1StorageClass>("ReclaimPolicy", Columns.String, "reclaimPolicy"),
        Columns.Of<V1StorageClass>("VolumeBindingMode", Columns.String, "volumeBindingMode"),
        Columns.Of<V1StorageClass>("AllowVolumeExpansion", Columns.String, "allowVolumeExpansion"),
        Columns.Age(),
    ], (sc, now) =>
    [
        IsDefault(sc.Metadata) ? Cell.Name(sc.Metadata) + " (default)" : Cell.Name(sc.Metadata),
        sc.Provisioner ?? "",
        sc.ReclaimPolicy ?? "Delete",
        sc.VolumeBindingMode ?? "Immediate",
        Cell.Bool(sc.AllowVolumeExpansion ?? false),
        Cell.Age(sc.Metadata, now),
    ]);

    private static bool IsDefault(V1ObjectMeta? metadata)
    {
        var annotations = metadata?.Annotations;
        if (annotations is null)
        {
            return false;
        }
        return (annotations.TryGetValue(DefaultAnnotation, out var v) && v == "true")
            || (annotations.TryGetValue(BetaDefaultAnnotation, out var beta) && beta == "true");
    }
}
