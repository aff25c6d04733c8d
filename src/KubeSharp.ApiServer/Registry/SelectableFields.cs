using System.Text.Json;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// The field-selector fields each kind supports besides metadata.name/metadata.namespace, as upstream's per-kind
/// GetAttrs/field label conversion functions define them, read straight from the object's JSON. A selector on any
/// other field is a 400.
/// </summary>
public static class SelectableFields
{
    private enum Kind
    {
        Text,
        Bool,
        Int,
        FirstIp,
    }

    private sealed record Field(string Name, string[] Path, Kind Kind);

    private static readonly Dictionary<(string, string), Field[]> Table = new()
    {
        [("", "pods")] =
        [
            F("spec.nodeName"), F("spec.restartPolicy"), F("spec.schedulerName"), F("spec.serviceAccountName"),
            F("spec.hostNetwork", Kind.Bool), F("status.phase"), F("status.podIP"), F("status.podIPs", Kind.FirstIp),
            F("status.nominatedNodeName"),
        ],
        [("", "events")] =
        [
            F("involvedObject.kind"), F("involvedObject.namespace"), F("involvedObject.name"), F("involvedObject.uid"),
            F("involvedObject.apiVersion"), F("involvedObject.resourceVersion"), F("involvedObject.fieldPath"),
            F("reason"), F("reportingComponent"), new("source", ["source", "component"], Kind.Text), F("type"),
        ],
        [("events.k8s.io", "events")] =
        [
            F("regarding.kind"), F("regarding.namespace"), F("regarding.name"), F("regarding.uid"), F("regarding.apiVersion"),
            F("regarding.resourceVersion"), F("regarding.fieldPath"), F("reason"), F("reportingController"), F("type"),
        ],
        [("", "secrets")] = [F("type")],
        [("", "namespaces")] = [F("status.phase")],
        [("", "nodes")] = [F("spec.unschedulable", Kind.Bool)],
        [("", "replicationcontrollers")] = [F("status.replicas", Kind.Int)],
        [("apps", "replicasets")] = [F("status.replicas", Kind.Int)],
        [("batch", "jobs")] = [new("status.successful", ["status", "succeeded"], Kind.Int)],
        [("", "services")] = [F("spec.clusterIP"), F("spec.type")],
        [("", "persistentvolumeclaims")] = [F("status.phase")],
    };

    private static readonly Dictionary<(string, string), HashSet<string>> Names =
        Table.ToDictionary(kv => kv.Key, kv => kv.Value.Select(f => f.Name).ToHashSet());

    private static readonly HashSet<string> NoNames = [];
    private static readonly KeyValuePair<string, string>[] None = [];

    private static Field F(string name, Kind kind = Kind.Text) => new(name, name.Split('.'), kind);

    public static IReadOnlySet<string> Supported(ResourceInfo r) => Names.GetValueOrDefault((r.Group, r.Resource)) ?? NoNames;

    /// <summary>The selectable fields of one object, from its JSON (absent strings are "", absent booleans "false",
    /// absent counts "0", as the typed Go values would print).</summary>
    public static KeyValuePair<string, string>[] Extract(ResourceInfo r, JsonElement root)
    {
        if (!Table.TryGetValue((r.Group, r.Resource), out var fields)) return None;
        var result = new KeyValuePair<string, string>[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var f = fields[i];
            var found = TryWalk(root, f.Path, out var value);
            result[i] = new(f.Name, f.Kind switch
            {
                Kind.Bool => found && value.ValueKind == JsonValueKind.True ? "true" : "false",
                Kind.Int => found && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "0",
                Kind.FirstIp => found && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                    && value[0].TryGetProperty("ip", out var ip) && ip.ValueKind == JsonValueKind.String ? ip.GetString()! : "",
                _ => found && value.ValueKind == JsonValueKind.String ? value.GetString()! : "",
            });
        }
        return result;
    }

    private static bool TryWalk(JsonElement element, string[] path, out JsonElement value)
    {
        value = element;
        foreach (var segment in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value)) return false;
        }
        return true;
    }
}
