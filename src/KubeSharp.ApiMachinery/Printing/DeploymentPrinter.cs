using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Deployments: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR.</summary>
internal static class DeploymentPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1Deployment>(
    [
        Columns.Name(),
        Columns.Text("Ready", Columns.String, "Number of the pod with ready state"),
        Columns.Of<V1DeploymentStatus>("Up-to-date", Columns.String, "updatedReplicas"),
        Columns.Of<V1DeploymentStatus>("Available", Columns.String, "availableReplicas"),
        Columns.Age(),
        Columns.Containers(),
        Columns.Images(),
        Columns.Of<V1DeploymentSpec>("Selector", Columns.String, "selector", 1),
    ], Cells);

    private static object?[] Cells(V1Deployment deployment, DateTime now)
    {
        var spec = deployment.Spec;
        var status = deployment.Status;
        var (names, images) = Cell.Containers(spec?.Template?.Spec?.Containers);
        // Upstream prints the selector unformatted here: "" for an empty one, "<invalid>" for a bad operator.
        var selector = LabelFormat.SelectorString(spec?.Selector) ?? "<invalid>";
        return
        [
            Cell.Name(deployment.Metadata),
            $"{status?.ReadyReplicas ?? 0}/{spec?.Replicas ?? Cell.DefaultReplicas}",
            Cell.Int(status?.UpdatedReplicas ?? 0),
            Cell.Int(status?.AvailableReplicas ?? 0),
            Cell.Age(deployment.Metadata, now),
            names,
            images,
            selector,
        ];
    }
}
