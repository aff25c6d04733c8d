using System.Text.Json.Nodes;
using k8s;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Structural comparison of API objects through their JSON form (upstream uses apiequality.Semantic.DeepEqual) and
/// a short line diff for messages where upstream appends a cmp.Diff.
/// </summary>
internal static class JsonDiff
{
    public static JsonNode? ToNode(object? value) => value is null ? null : JsonNode.Parse(KubernetesJson.Serialize(value));

    public static T Clone<T>(T value) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value!));

    public static bool SemanticEqual(object? a, object? b) => JsonNode.DeepEquals(Normalize(ToNode(a)), Normalize(ToNode(b)));

    /// <summary>"-"/"+" lines for each top-level property that differs, in the spirit of upstream's cmp.Diff.</summary>
    public static string Describe(object? oldValue, object? newValue)
    {
        var oldObj = Normalize(ToNode(oldValue)) as JsonObject ?? [];
        var newObj = Normalize(ToNode(newValue)) as JsonObject ?? [];
        var keys = oldObj.Select(kv => kv.Key).Union(newObj.Select(kv => kv.Key)).Order(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var key in keys)
        {
            var o = oldObj[key];
            var n = newObj[key];
            if (JsonNode.DeepEquals(o, n))
            {
                continue;
            }
            if (o is not null)
            {
                lines.Add($"-\t{key}: {o.ToJsonString()}");
            }
            if (n is not null)
            {
                lines.Add($"+\t{key}: {n.ToJsonString()}");
            }
        }
        return string.Join("\n", lines);
    }

    /// <summary>Drops nulls, empty arrays and empty objects so omitted and empty fields compare equal, as Semantic does.</summary>
    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var n = Normalize(value);
                    if (n is not null)
                    {
                        result[key] = n;
                    }
                }
                return result.Count == 0 ? null : result;
            case JsonArray arr:
                var list = new JsonArray();
                foreach (var item in arr)
                {
                    list.Add(Normalize(item) ?? new JsonObject());
                }
                return list.Count == 0 ? null : list;
            default:
                return node?.DeepClone();
        }
    }
}
