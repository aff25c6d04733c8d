using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// The TARGETS cell of an HPA (upstream formatHPAMetrics): per metric "current/target", resource metrics prefixed
/// with the resource name, "&lt;unknown&gt;" until the status reports a value, at most two then "+ N more...".
/// Statuses are matched to specs by position, as upstream does.
/// </summary>
internal static class HpaMetrics
{
    private const int Max = 2;
    private const string UnknownValue = "<unknown>";

    public static string Format(IList<V2MetricSpec>? specs, IList<V2MetricStatus>? statuses)
    {
        if (specs is null || specs.Count == 0)
        {
            return Cell.None;
        }
        var list = new List<string>(Math.Min(specs.Count, Max));
        for (var i = 0; i < specs.Count; i++)
        {
            if (list.Count == Max)
            {
                continue;
            }
            var status = statuses is not null && statuses.Count > i ? statuses[i] : null;
            list.Add(One(specs[i], status));
        }
        var joined = string.Join(", ", list);
        return specs.Count > Max ? $"{joined} + {specs.Count - Max} more..." : joined;
    }

    /// <summary>A v1 HPA's cpu utilization target, formatted as its v2 Resource metric.</summary>
    public static string FormatCpu(int? targetPercent, int? currentPercent)
    {
        if (targetPercent is null)
        {
            // v1 defaults the target to 80% when converting; an unset value never reaches storage.
            targetPercent = 80;
        }
        var current = currentPercent is { } c ? $"{c}%" : UnknownValue;
        return $"cpu: {current}/{targetPercent}%";
    }

    private static string One(V2MetricSpec spec, V2MetricStatus? status)
    {
        switch (spec.Type)
        {
            case "External":
                return ValueOrAverage(spec.External?.Target, status?.External?.Current, status?.External is not null);
            case "Object":
                return ValueOrAverage(spec.ObjectProperty?.Target, status?.ObjectProperty?.Current, status?.ObjectProperty is not null);
            case "Pods":
                var podsCurrent = status?.Pods is not null ? Quantity(status.Pods.Current?.AverageValue) : UnknownValue;
                return podsCurrent + "/" + Quantity(spec.Pods?.Target?.AverageValue);
            case "Resource":
                return Resource(spec.Resource?.Name, spec.Resource?.Target, status?.Resource?.Current, status?.Resource is not null);
            case "ContainerResource":
                return Resource(spec.ContainerResource?.Name, spec.ContainerResource?.Target, status?.ContainerResource?.Current,
                    status?.ContainerResource is not null);
            default:
                return "<unknown type>";
        }
    }

    private static string ValueOrAverage(V2MetricTarget? target, V2MetricValueStatus? current, bool hasStatus)
    {
        if (target?.AverageValue is not null)
        {
            var avg = hasStatus && current?.AverageValue is not null ? Quantity(current.AverageValue) : UnknownValue;
            return $"{avg}/{Quantity(target.AverageValue)} (avg)";
        }
        var value = hasStatus ? Quantity(current?.Value) : UnknownValue;
        return $"{value}/{Quantity(target?.Value)}";
    }

    private static string Resource(string? name, V2MetricTarget? target, V2MetricValueStatus? current, bool hasStatus)
    {
        if (target?.AverageValue is not null)
        {
            var avg = hasStatus ? Quantity(current?.AverageValue) : UnknownValue;
            return $"{name}: {avg}/{Quantity(target.AverageValue)}";
        }
        var utilization = hasStatus && current?.AverageUtilization is { } u ? $"{u}%" : UnknownValue;
        var goal = target?.AverageUtilization is { } t ? $"{t}%" : "<auto>";
        return $"{name}: {utilization}/{goal}";
    }

    // Go's (*Quantity)(nil).String() is "<nil>".
    private static string Quantity(ResourceQuantity? q) => q?.ToString() ?? "<nil>";
}
