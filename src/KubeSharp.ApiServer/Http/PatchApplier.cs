using System.Text.Json.Nodes;

namespace KubeSharp.ApiServer.Http;

/// <summary>Applies a PATCH body of the given content type to the current object's JSON.</summary>
public static class PatchApplier
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    public static JsonNode Apply(JsonNode current, JsonNode patch, string patchType, Type modelType) => patchType switch
    {
        MergePatch => Merge(current, patch)!,
        StrategicMergePatch => Merge(current, patch)!,
        _ => throw Errors.UnsupportedMediaType(patchType),
    };

    // Placeholder RFC 7386 merge until the patch branch lands.
    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject p) return patch?.DeepClone();
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (k, v) in p)
        {
            if (v == null) result.Remove(k);
            else result[k] = Merge(result[k]?.DeepClone(), v);
        }
        return result;
    }
}
