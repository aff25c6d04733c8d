using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// The fields the event printer reads. core/v1 and events.k8s.io/v1 Events are one object upstream (the API server
/// converts between them and prints the internal form), so both are mapped onto this view: regarding→involvedObject,
/// note→message, deprecated* → firstTimestamp/lastTimestamp/count/source.
/// </summary>
internal readonly record struct EventFields(
    V1ObjectMeta? Metadata,
    DateTime? FirstTimestamp,
    DateTime? LastTimestamp,
    DateTime? EventTime,
    int Count,
    bool HasSeries,
    int SeriesCount,
    DateTime? SeriesLastObserved,
    string? Type,
    string? Reason,
    V1ObjectReference? Regarding,
    string? Message,
    V1EventSource? Source,
    string? ReportingController,
    string? ReportingInstance)
{
    public static EventFields From(Corev1Event e) => new(
        e.Metadata, e.FirstTimestamp, e.LastTimestamp, e.EventTime, e.Count ?? 0,
        e.Series is not null, e.Series?.Count ?? 0, e.Series?.LastObservedTime,
        e.Type, e.Reason, e.InvolvedObject, e.Message, e.Source, e.ReportingComponent, e.ReportingInstance);

    public static EventFields From(Eventsv1Event e) => new(
        e.Metadata, e.DeprecatedFirstTimestamp, e.DeprecatedLastTimestamp, e.EventTime, e.DeprecatedCount ?? 0,
        e.Series is not null, e.Series?.Count ?? 0, e.Series?.LastObservedTime,
        e.Type, e.Reason, e.Regarding, e.Note, e.DeprecatedSource, e.ReportingController, e.ReportingInstance);
}
