using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>StatefulSets: NAME READY AGE | CONTAINERS IMAGES.</summary>
internal static class StatefulSetPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1StatefulSet>(
    [
        Columns.Name(),
        Columns.Text("Ready", Columns.String, "Number of the pod with ready state"),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
    ], Cells);

    private static object?[] Cells(V1StatefulSet sts, DateTime now)
    {
        var (names, images) = Cell.Containers(sts.Spec?.Template?.Spec?.Containers);
        return
        [
            Cell.Name(sts.Metadata),
            $"{sts.Status?.ReadyReplicas ?? 0}/{sts.Spec?.Replicas ?? Cell.DefaultReplicas}",
            Cell.Age(sts.Metadata, now),
            names,
            images,
        ];
    }
}
