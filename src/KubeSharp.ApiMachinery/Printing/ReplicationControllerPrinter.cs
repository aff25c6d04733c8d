using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>ReplicationControllers: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR.</summary>
internal static class ReplicationControllerPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1ReplicationController>(
    [
        Columns.Name(),
        Columns.Of<V1ReplicationControllerSpec>("Desired", Columns.Integer, "replicas"),
        Columns.Of<V1ReplicationControllerStatus>("Current", Columns.Integer, "replicas"),
        Columns.Of<V1ReplicationControllerStatus>("Ready", Columns.Integer, "readyReplicas"),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
        Columns.Of<V1ReplicationControllerSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1ReplicationController rc, DateTime now)
    {
        var (names, images) = Cell.Containers(rc.Spec?.Template?.Spec?.Containers);
        return
        [
            Cell.Name(rc.Metadata),
            Cell.Int(rc.Spec?.Replicas ?? Cell.DefaultReplicas),
            Cell.Int(rc.Status?.Replicas ?? 0),
            Cell.Int(rc.Status?.ReadyReplicas ?? 0),
            Cell.Age(rc.Metadata, now),
            names,
            images,
            LabelFormat.Labels(rc.Spec?.Selector),
        ];
    }
}
