using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// The strategic-merge engine. Both arguments are private copies: <c>original</c> is mutated in place and returned
/// (or replaced by a fresh node for <c>$patch</c> directives); directive keys are removed from <c>patch</c> as they
/// are consumed. Values taken from the patch are always rebuilt or cloned, so no node ends up with two parents.
/// </summary>
internal static partial class StrategicMerger
{
    internal static JsonObject MergeMap(JsonObject original, JsonObject patch, Type? type)
    {
        if (patch.TryGetPropertyValue(PatchDirectives.Patch, out var directiveNode))
        {
            patch.Remove(PatchDirectives.Patch);
            switch (AsString(directiveNode))
            {
                case PatchDirectives.Replace:
                    // Upstream uses the patch map as the result; rebuilding it from empty also consumes nested directives.
                    return MergeMap(new JsonObject(), patch, type);
                case PatchDirectives.Delete:
                    return new JsonObject();
                case PatchDirectives.Merge:
                    // Upstream rejects "$patch: merge" on maps; it is the default, so we accept it as a no-op.
                    break;
                default:
                    throw BadPatchType(directiveNode, patch);
            }
        }

        ApplyRetainKeys(original, patch);
        ApplySetElementOrder(original, patch, type);

        foreach (var key in Keys(patch))
        {
            var value = patch[key];
            if (key.StartsWith(PatchDirectives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(original, key[PatchDirectives.DeleteFromPrimitiveListPrefix.Length..], value);
                continue;
            }

            if (key.StartsWith('$'))
            {
                throw new PatchException($"unsupported strategic merge patch directive \"{key}\"");
            }

            if (value is null)
            {
                // Deleting a key the original lacks is a no-op (upstream's IgnoreUnmatchedNulls).
                original.Remove(key);
                continue;
            }

            original.TryGetPropertyValue(key, out var current);
            var merged = MergeValue(current, value, ModelSchema.Lookup(type, key), key);
            if (!ReferenceEquals(merged, current))
            {
                original[key] = merged;
            }
        }

        return original;
    }

    /// <summary>
    /// Merges one patch value into the current value (null when absent). A kind mismatch (map vs list vs scalar)
    /// means the patch value replaces the current one, as upstream does.
    /// </summary>
    private static JsonNode MergeValue(JsonNode? current, JsonNode patchValue, SchemaField field, string fieldName)
    {
        switch (patchValue)
        {
            case JsonObject patchObject:
                if ((field.Metadata.Strategy & PatchStrategy.Replace) != 0 || current is not JsonObject currentObject)
                {
                    return MergeMap(new JsonObject(), patchObject, field.ValueType);
                }

                return MergeMap(currentObject, patchObject, field.ValueType);
            case JsonArray patchArray:
                return MergeList(current as JsonArray ?? [], patchArray, field, fieldName);
            default:
                return patchValue.DeepClone();
        }
    }

    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(PatchDirectives.RetainKeys, out var node))
        {
            return;
        }

        patch.Remove(PatchDirectives.RetainKeys);
        if (node is not JsonArray list)
        {
            throw new PatchException("invalid patch format of retainKeys");
        }

        var retained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            retained.Add(AsString(item) ?? throw new PatchException("invalid patch format of retainKeys"));
        }

        // Every field the patch sets must be retained, otherwise the patch contradicts itself.
        foreach (var (key, value) in patch)
        {
            if (value is not null && !key.StartsWith('$') && !retained.Contains(key))
            {
                throw new PatchException("invalid patch format of retainKeys");
            }
        }

        foreach (var key in Keys(original))
        {
            if (!retained.Contains(key))
            {
                original.Remove(key);
            }
        }
    }

    private static void DeleteFromPrimitiveList(JsonObject original, string field, JsonNode? toDelete)
    {
        if (toDelete is not JsonArray deletions)
        {
            throw new PatchException("invalid patch format of primitive list");
        }

        if (!original.TryGetPropertyValue(field, out var current) || current is not JsonArray list)
        {
            return;
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (IndexOf(deletions, list[i]) >= 0)
            {
                list.RemoveAt(i);
            }
        }
    }

    private static List<string> Keys(JsonObject obj)
    {
        var keys = new List<string>(obj.Count);
        foreach (var (key, _) in obj)
        {
            keys.Add(key);
        }

        return keys;
    }

    private static int IndexOf(JsonArray list, JsonNode? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (JsonNode.DeepEquals(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static PatchException BadPatchType(JsonNode? directive, JsonNode context) =>
        new($"Unknown patch type: {directive?.ToJsonString() ?? "null"} in map: {context.ToJsonString()}");

    private static PatchException NoMergeKey(JsonNode? item, string mergeKey) =>
        new($"map: {item?.ToJsonString() ?? "null"} does not contain declared merge key: {mergeKey}");
}
