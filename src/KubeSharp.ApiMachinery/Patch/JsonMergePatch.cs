using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// RFC 7386 JSON Merge Patch (<c>application/merge-patch+json</c>: <c>kubectl label</c>, <c>annotate</c>,
/// <c>scale</c>, <c>patch --type=merge</c>). Objects merge recursively, <c>null</c> deletes, everything else
/// (arrays included) replaces.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>Returns the patched copy; <paramref name="target"/> is not modified.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        MergeInto(result, patchObject);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject nested)
            {
                if (target[key] is not JsonObject existing)
                {
                    existing = new JsonObject();
                    target[key] = existing;
                }

                MergeInto(existing, nested);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
