using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>PodTemplates: NAME CONTAINERS IMAGES POD LABELS (no age column upstream).</summary>
internal static class PodTemplatePrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1PodTemplate>(
    [
        Columns.Name(),
        Columns.Containers(priority: 0),
        Columns.Images(priority: 0),
        Columns.Text("Pod Labels", Columns.String, "The labels for the pod template."),
    ], Cells);

    private static object?[] Cells(V1PodTemplate template, DateTime now)
    {
        var (names, images) = Cell.Containers(template.Template?.Spec?.Containers);
        return [Cell.Name(template.Metadata), names, images, LabelFormat.Labels(template.Template?.Metadata?.Labels)];
    }
}
