using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Cell values shared by the printers, written to keep per-row allocations to the strings themselves.</summary>
internal static class Cell
{
    public const string None = "<none>";
    public const string Unknown = "<unknown>";
    public const string Unset = "<unset>";

    /// <summary>
    /// spec.replicas defaults to 1 in every workload API; upstream prints the defaulted internal object, so an
    /// unset value prints as 1.
    /// </summary>
    public const int DefaultReplicas = 1;

    // Integer and boolean cells are boxed into object?[]; small counts are by far the common case, so their
    // boxes are shared instead of allocated per row.
    private static readonly object[] _smallInts = CreateSmallInts();
    private static readonly object _true = true;
    private static readonly object _false = false;

    public static object Int(long value) =>
        value >= 0 && value < _smallInts.Length ? _smallInts[value] : value;

    public static object Bool(bool value) => value ? _true : _false;

    /// <summary>Upstream's translateTimestampSince: "&lt;unknown&gt;" for a zero time, otherwise HumanDuration.</summary>
    public static string Age(DateTime? timestamp, DateTime now) =>
        timestamp is { } t && t != default ? HumanDuration.Format(Utc(now) - Utc(t)) : Unknown;

    public static string Age(V1ObjectMeta? metadata, DateTime now) => Age(metadata?.CreationTimestamp, now);

    public static string OrNone(string? value) => string.IsNullOrEmpty(value) ? None : value;

    public static string Name(V1ObjectMeta? metadata) => metadata?.Name ?? "";

    /// <summary>Comma-joined container names and images (upstream's layoutContainerCells).</summary>
    public static (string Names, string Images) Containers(IList<V1Container>? containers)
    {
        if (containers is null || containers.Count == 0)
        {
            return ("", "");
        }
        if (containers.Count == 1)
        {
            return (containers[0].Name ?? "", containers[0].Image ?? "");
        }
        var names = new string[containers.Count];
        var images = new string[containers.Count];
        for (var i = 0; i < containers.Count; i++)
        {
            names[i] = containers[i].Name ?? "";
            images[i] = containers[i].Image ?? "";
        }
        return (string.Join(',', names), string.Join(',', images));
    }

    /// <summary>Unspecified kinds are taken as UTC: the JSON layer parses API timestamps (always "Z") that way.</summary>
    public static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t;

    private static object[] CreateSmallInts()
    {
        var boxes = new object[256];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)i;
        }
        return boxes;
    }
}
