using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>List merging: by merge key for lists of objects, set union for primitive lists, replace otherwise.</summary>
internal static partial class StrategicMerger
{
    private static JsonArray MergeList(JsonArray original, JsonArray patch, SchemaField field, string fieldName)
    {
        if (!field.Metadata.MergesList)
        {
            return FreshList(patch, field.ValueType);
        }

        if (ContainsList(original) || ContainsList(patch))
        {
            throw new PatchException("lists of lists are not supported", PatchErrorKind.Unprocessable);
        }

        if (!ContainsObject(original) && !ContainsObject(patch))
        {
            // Primitive list with merge strategy (finalizers, podCIDRs): union, first occurrence wins.
            var union = new JsonArray();
            foreach (var item in original)
            {
                if (IndexOf(union, item) < 0)
                {
                    union.Add(item?.DeepClone());
                }
            }

            foreach (var item in patch)
            {
                if (IndexOf(union, item) < 0)
                {
                    union.Add(item?.DeepClone());
                }
            }

            return union;
        }

        var mergeKey = field.Metadata.MergeKey
            ?? throw new PatchException($"cannot merge lists without merge key for {fieldName}");
        var items = new List<JsonObject>(patch.Count);
        var replace = false;
        foreach (var element in patch)
        {
            if (element is not JsonObject item)
            {
                throw new PatchException(
                    $"invalid patch: list {fieldName} mixes objects and other values: {patch.ToJsonString()}");
            }

            if (!item.TryGetPropertyValue(PatchDirectives.Patch, out var directive))
            {
                items.Add(item);
                continue;
            }

            switch (AsString(directive))
            {
                case PatchDirectives.Delete:
                    if (!item.TryGetPropertyValue(mergeKey, out var deleted))
                    {
                        throw NoMergeKey(item, mergeKey);
                    }

                    RemoveByKey(original, mergeKey, deleted);
                    break;
                case PatchDirectives.Replace:
                    // The remaining items become the whole list; keep scanning to consume other directives.
                    replace = true;
                    break;
                case PatchDirectives.Merge:
                    throw new PatchException("merging lists cannot yet be specified in the patch");
                default:
                    throw BadPatchType(directive, item);
            }
        }

        if (replace)
        {
            var replaced = new JsonArray();
            foreach (var item in items)
            {
                replaced.Add(MergeMap(new JsonObject(), item, field.ValueType));
            }

            return replaced;
        }

        foreach (var item in items)
        {
            if (!item.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw NoMergeKey(item, mergeKey);
            }

            var index = IndexOfKey(original, mergeKey, keyValue);
            if (index < 0)
            {
                original.Add(MergeMap(new JsonObject(), item, field.ValueType));
                continue;
            }

            var existing = (JsonObject)original[index]!;
            var merged = MergeMap(existing, item, field.ValueType);
            if (!ReferenceEquals(merged, existing))
            {
                original[index] = merged;
            }
        }

        return original;
    }

    /// <summary>A list taken from the patch as-is, with nulls dropped from its maps and directives consumed.</summary>
    private static JsonArray FreshList(JsonArray patch, Type? elementType)
    {
        var result = new JsonArray();
        foreach (var item in patch)
        {
            result.Add(item is JsonObject obj ? MergeMap(new JsonObject(), obj, elementType) : item?.DeepClone());
        }

        return result;
    }

    private static void RemoveByKey(JsonArray list, string mergeKey, JsonNode? keyValue)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i] is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out var value) &&
                JsonNode.DeepEquals(value, keyValue))
            {
                list.RemoveAt(i);
            }
        }
    }

    private static int IndexOfKey(JsonArray list, string mergeKey, JsonNode? keyValue)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out var value) &&
                JsonNode.DeepEquals(value, keyValue))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ContainsObject(JsonArray list)
    {
        foreach (var item in list)
        {
            if (item is JsonObject)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsList(JsonArray list)
    {
        foreach (var item in list)
        {
            if (item is JsonArray)
            {
                return true;
            }
        }

        return false;
    }
}
