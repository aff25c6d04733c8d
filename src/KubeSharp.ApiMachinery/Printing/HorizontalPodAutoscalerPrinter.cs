using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// HorizontalPodAutoscalers (autoscaling/v2 and v1): NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE.
/// A v1 HPA prints as the v2 object it converts to: one cpu Resource metric with a utilization target.
/// </summary>
internal static class HorizontalPodAutoscalerPrinter
{
    public static ITablePrinter CreateV2() => new TablePrinter<V2HorizontalPodAutoscaler>(Columns(), (hpa, now) => Cells(
        hpa.Metadata, hpa.Spec?.ScaleTargetRef?.Kind, hpa.Spec?.ScaleTargetRef?.Name,
        HpaMetrics.Format(hpa.Spec?.Metrics, hpa.Status?.CurrentMetrics),
        hpa.Spec?.MinReplicas, hpa.Spec?.MaxReplicas ?? 0, hpa.Status?.CurrentReplicas ?? 0, now));

    public static ITablePrinter CreateV1() => new TablePrinter<V1HorizontalPodAutoscaler>(Columns(), (hpa, now) => Cells(
        hpa.Metadata, hpa.Spec?.ScaleTargetRef?.Kind, hpa.Spec?.ScaleTargetRef?.Name,
        HpaMetrics.FormatCpu(hpa.Spec?.TargetCPUUtilizationPercentage, hpa.Status?.CurrentCPUUtilizationPercentage),
        hpa.Spec?.MinReplicas, hpa.Spec?.MaxReplicas ?? 0, hpa.Status?.CurrentReplicas ?? 0, now));

    private static TableColumn[] Columns() =>
    [
        Printing.Columns.Name(),
        Printing.Columns.Of<V2HorizontalPodAutoscalerSpec>("Reference", Printing.Columns.String, "scaleTargetRef"),
        Printing.Columns.Of<V2HorizontalPodAutoscalerSpec>("Targets", Printing.Columns.String, "metrics"),
        Printing.Columns.Of<V2HorizontalPodAutoscalerSpec>("MinPods", Printing.Columns.String, "minReplicas"),
        Printing.Columns.Of<V2HorizontalPodAutoscalerSpec>("MaxPods", Printing.Columns.String, "maxReplicas"),
        Printing.Columns.Of<V2HorizontalPodAutoscalerStatus>("Replicas", Printing.Columns.String, "currentReplicas"),
        Printing.Columns.Age(),
    ];

    private static object?[] Cells(V1ObjectMeta? metadata, string? kind, string? name, string targets, int? minReplicas,
        int maxReplicas, int currentReplicas, DateTime now) =>
    [
        Cell.Name(metadata),
        kind + "/" + name,
        targets,
        minReplicas is { } min ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : Cell.Unset,
        Cell.Int(maxReplicas),
        Cell.Int(currentReplicas),
        Cell.Age(metadata, now),
    ];
}
