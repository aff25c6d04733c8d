using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>DaemonSets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | CONTAINERS IMAGES SELECTOR.</summary>
internal static class DaemonSetPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1DaemonSet>(
    [
        Columns.Name(),
        Columns.Of<V1DaemonSetStatus>("Desired", Columns.Integer, "desiredNumberScheduled"),
        Columns.Of<V1DaemonSetStatus>("Current", Columns.Integer, "currentNumberScheduled"),
        Columns.Of<V1DaemonSetStatus>("Ready", Columns.Integer, "numberReady"),
        Columns.Of<V1DaemonSetStatus>("Up-to-date", Columns.Integer, "updatedNumberScheduled"),
        Columns.Of<V1DaemonSetStatus>("Available", Columns.Integer, "numberAvailable"),
        Columns.Of<V1PodSpec>("Node Selector", Columns.String, "nodeSelector"),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
        Columns.Of<V1DaemonSetSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1DaemonSet ds, DateTime now)
    {
        var status = ds.Status;
        var podSpec = ds.Spec?.Template?.Spec;
        var (names, images) = Cell.Containers(podSpec?.Containers);
        return
        [
            Cell.Name(ds.Metadata),
            Cell.Int(status?.DesiredNumberScheduled ?? 0),
            Cell.Int(status?.CurrentNumberScheduled ?? 0),
            Cell.Int(status?.NumberReady ?? 0),
            Cell.Int(status?.UpdatedNumberScheduled ?? 0),
            Cell.Int(status?.NumberAvailable ?? 0),
            LabelFormat.Labels(podSpec?.NodeSelector),
            Cell.Age(ds.Metadata, now),
            names,
            images,
            LabelFormat.Selector(ds.Spec?.Selector),
        ];
    }
}
