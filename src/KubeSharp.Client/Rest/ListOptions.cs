namespace KubeSharp.Client.Rest;

/// <summary>Query parameters of list and watch calls (metav1.ListOptions); null fields are not sent.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>"NotOlderThan" or "Exact"; only meaningful with ResourceVersion on a list.</summary>
    public string? ResourceVersionMatch { get; init; }

    public long? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>Server-side lifetime of a watch; the stream ends cleanly after it.</summary>
    public long? TimeoutSeconds { get; init; }

    public bool AllowWatchBookmarks { get; init; }

    internal string ToQuery(bool watch)
    {
        var parts = new List<string>(8);
        if (watch) parts.Add("watch=true");
        Add(parts, "labelSelector", LabelSelector);
        Add(parts, "fieldSelector", FieldSelector);
        Add(parts, "resourceVersion", ResourceVersion);
        Add(parts, "resourceVersionMatch", ResourceVersionMatch);
        Add(parts, "limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "continue", Continue);
        Add(parts, "timeoutSeconds", TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AllowWatchBookmarks) parts.Add("allowWatchBookmarks=true");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
    }
}
