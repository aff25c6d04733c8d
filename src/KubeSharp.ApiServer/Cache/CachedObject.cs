namespace KubeSharp.ApiServer.Cache;

/// <summary>
/// One object as the watch cache holds it: the exact JSON the API serves (resourceVersion already set), plus the
/// few fields that lists and watches filter on. Typed objects are not kept: at 100,000 pods the serialized form is
/// several times smaller, and most reads only copy these bytes to the wire.
/// </summary>
public sealed class CachedObject
{
    public required string Key { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public required long ResourceVersion { get; init; }
    public required byte[] Json { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Per-kind selectable fields (spec.nodeName, status.phase, involvedObject.name, ...) as pairs.</summary>
    public KeyValuePair<string, string>[] Fields { get; init; } = [];

    public string? GetField(string field)
    {
        switch (field)
        {
            case "metadata.name": return Name;
            case "metadata.namespace": return Namespace;
        }
        foreach (var kv in Fields)
        {
            if (kv.Key == field) return kv.Value;
        }
        return null;
    }
}
