using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Events: LAST SEEN TYPE REASON OBJECT | SUBOBJECT SOURCE | MESSAGE | FIRST SEEN COUNT NAME.</summary>
internal static class EventPrinter
{
    public static ITablePrinter CreateCore() => new TablePrinter<Corev1Event>(Columns(), (e, now) => Cells(EventFields.From(e), now));

    public static ITablePrinter CreateEventsV1() => new TablePrinter<Eventsv1Event>(Columns(), (e, now) => Cells(EventFields.From(e), now));

    private static TableColumn[] Columns() =>
    [
        Printing.Columns.Of<Corev1Event>("Last Seen", Printing.Columns.String, "lastTimestamp"),
        Printing.Columns.Of<Corev1Event>("Type", Printing.Columns.String, "type"),
        Printing.Columns.Of<Corev1Event>("Reason", Printing.Columns.String, "reason"),
        Printing.Columns.Of<Corev1Event>("Object", Printing.Columns.String, "involvedObject"),
        Printing.Columns.Of<V1ObjectReference>("Subobject", Printing.Columns.String, "fieldPath", 1),
        Printing.Columns.Of<Corev1Event>("Source", Printing.Columns.String, "source", 1),
        Printing.Columns.Of<Corev1Event>("Message", Printing.Columns.String, "message"),
        Printing.Columns.Of<Corev1Event>("First Seen", Printing.Columns.String, "firstTimestamp", 1),
        Printing.Columns.Of<Corev1Event>("Count", Printing.Columns.String, "count", 1),
        new TableColumn("Name", Printing.Columns.String, "name", ColumnDocs.Field<V1ObjectMeta>("name"), 1),
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
