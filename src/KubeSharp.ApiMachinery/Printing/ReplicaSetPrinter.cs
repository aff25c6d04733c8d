using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>ReplicaSets: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR.</summary>
internal static class ReplicaSetPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1ReplicaSet>(
    [
        Columns.Name(),
        Columns.Of<V1ReplicaSetSpec>("Desired", Columns.Integer, "replicas"),
        Columns.Of<V1ReplicaSetStatus>("Current", Columns.Integer, "replicas"),
        Columns.Of<V1ReplicaSetStatus>("Ready", Columns.Integer, "readyReplicas"),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
        Columns.Of<V1ReplicaSetSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1ReplicaSet rs, DateTime now)
    {
        var (names, images) = Cell.Containers(rs.Spec?.Template?.Spec?.Containers);
        return
        [
            Cell.Name(rs.Metadata),
            Cell.Int(rs.Spec?.Replicas ?? Cell.DefaultReplicas),
            Cell.Int(rs.Status?.Replicas ?? 0),
            Cell.Int(rs.Status?.ReadyReplicas ?? 0),
            Cell.Age(rs.Metadata, now),
            names,
            images,
            LabelFormat.Selector(rs.Spec?.Selector),
        ];
    }
}
