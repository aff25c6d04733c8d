using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// HorizontalPodAutoscalers (autoscaling/v2 and v1): NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE.
/// A v1 HPA prints as the v2 object it converts to: one cpu Resource metric with a utilization target.
/// </summary>
internal static class HorizontalPodAutoscalerPrinter
{
    public static ITablePrinter CreateV2() => new TablePrinter<V2HorizontalPodAutoscaler>(Definitions(), (hpa, now) => Cells(
        hpa.Metadata, hpa.Spec?.ScaleTargetRef?.Kind, hpa.Spec?.ScaleTargetRef?.Name,
        HpaMetrics.Format(hpa.Spec?.Metrics, hpa.Status?.CurrentMetrics),
        hpa.Spec?.MinReplicas, hpa.Spec?.MaxReplicas ?? 0, hpa.Status?.CurrentReplicas ?? 0, now));

    public static ITablePrinter CreateV1() => new TablePrinter<V1HorizontalPodAutoscaler>(Definitions(), (hpa, now) => Cells(
        hpa.Metadata, hpa.Spec?.ScaleTargetRef?.Kind, hpa.Spec?.ScaleTargetRef?.Name,
        HpaMetrics.FormatCpu(hpa.Spec?.TargetCPUUtilizationPercentage, hpa.Status?.CurrentCPUUtilizationPercentage),
        hpa.Spec?.MinReplicas, hpa.Spec?.MaxReplicas ?? 0, hpa.Status?.CurrentReplicas ?? 0, now));

    private static TableColumn[] Definitions() =>
    [
        Columns.Name(),
        Columns.Of<V2HorizontalPodAutoscalerSpec>("Reference", Columns.String, "scaleTargetRef"),
        Columns.Of<V2HorizontalPodAutoscalerSpec>("Targets", Columns.String, "metrics"),
        Columns.Of<V2HorizontalPodAutoscalerSpec>("MinPods", Columns.String, "minReplicas"),
        Columns.Of<V2HorizontalPodAutoscalerSpec>("MaxPods", Columns.String, "maxReplicas"),
        Columns.Of<V2HorizontalPodAutoscalerStatus>("Replicas", Columns.String, "currentReplicas"),
        Columns.Age(),
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
