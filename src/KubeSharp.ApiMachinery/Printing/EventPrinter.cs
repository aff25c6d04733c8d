using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Events: LAST SEEN TYPE REASON OBJECT | SUBOBJECT SOURCE | MESSAGE | FIRST SEEN COUNT NAME.</summary>
internal static class EventPrinter
{
    public static ITablePrinter CreateCore() => new TablePrinter<Corev1Event>(Definitions(), (e, now) => Cells(EventFields.From(e), now));

    public static ITablePrinter CreateEventsV1() => new TablePrinter<Eventsv1Event>(Definitions(), (e, now) => Cells(EventFields.From(e), now));

    private static TableColumn[] Definitions() =>
    [
        Columns.Of<Corev1Event>("Last Seen", Columns.String, "lastTimestamp"),
        Columns.Of<Corev1Event>("Type", Columns.String, "type"),
        Columns.Of<Corev1Event>("Reason", Columns.String, "reason"),
        Columns.Of<Corev1Event>("Object", Columns.String, "involvedObject"),
        Columns.Of<V1ObjectReference>("Subobject", Columns.String, "fieldPath", 1),
        Columns.Of<Corev1Event>("Source", Columns.String, "source", 1),
        Columns.Of<Corev1Event>("Message", Columns.String, "message"),
        Columns.Of<Corev1Event>("First Seen", Columns.String, "firstTimestamp", 1),
        Columns.Of<Corev1Event>("Count", Columns.String, "count", 1),
        new TableColumn("Name", Columns.String, "name", ColumnDocs.Field<V1ObjectMeta>("name"), 1),
    ];

    private static object?[] Cells(in EventFields e, DateTime now)
    {
        // Events written through events.k8s.io carry eventTime instead of firstTimestamp.
        var firstSeen = IsSet(e.FirstTimestamp) ? Cell.Age(e.FirstTimestamp, now) : Cell.Age(e.EventTime, now);
        var lastSeen = IsSet(e.LastTimestamp) ? Cell.Age(e.LastTimestamp, now) : firstSeen;
        var count = e.Count;
        if (e.HasSeries)
        {
            lastSeen = Cell.Age(e.SeriesLastObserved, now);
            count = e.SeriesCount;
        }
        else if (count == 0)
        {
            // Singleton events do not set a count in the new API.
            count = 1;
        }

        var kind = (e.Regarding?.Kind ?? "").ToLowerInvariant();
        var target = string.IsNullOrEmpty(e.Regarding?.Name) ? kind : kind + "/" + e.Regarding.Name;
        return
        [
            lastSeen,
            e.Type ?? "",
            e.Reason ?? "",
            target,
            e.Regarding?.FieldPath ?? "",
            Source(e),
            (e.Message ?? "").Trim(),
            firstSeen,
            Cell.Int(count),
            Cell.Name(e.Metadata),
        ];
    }

    // "component, host"; reportingController/reportingInstance stand in for an empty source.
    private static string Source(in EventFields e)
    {
        var component = string.IsNullOrEmpty(e.Source?.Component) ? e.ReportingController ?? "" : e.Source.Component;
        var instance = string.IsNullOrEmpty(e.Source?.Host) ? e.ReportingInstance ?? "" : e.Source.Host;
        return instance.Length == 0 ? component : component + ", " + instance;
    }

    private static bool IsSet(DateTime? t) => t is { } v && v != default;
}
