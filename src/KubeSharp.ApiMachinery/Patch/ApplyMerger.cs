using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// The structural half of server-side apply: sets the applied configuration into the live object (maps and structs
/// merge, associative lists merge by key, sets union, atomic values replace) and removes fields by path. Unlike a
/// strategic merge patch, an apply configuration has no directives and never deletes by value; fields disappear
/// only when their manager stops applying them.
/// </summary>
internal static partial class ApplyMerger
{
    internal static void Merge(JsonObject target, JsonObject applied, Type? type)
    {
        foreach (var (key, value) in applied)
        {
            if (value is null)
            {
                continue;
            }

            var field = ModelSchema.Lookup(type, key);
            target.TryGetPropertyValue(key, out var current);
            switch (value)
            {
                case JsonObject obj when current is JsonObject currentObject && !field.IsAtomic:
                    Merge(currentObject, obj, field.ValueType);
                    break;
                case JsonArray list when current is JsonArray currentList && field.Metadata.MergesList:
                    target[key] = MergeList(currentList, list, field);
                    break;
                default:
                    target[key] = WithoutNulls(value);
                    break;
            }
        }
    }

    /// <summary>Removes the field at <paramref name="path"/> if it is still there.</summary>
    internal static void Remove(JsonObject root, string path)
    {
        var elements = FieldPath.Elements(path);
        JsonNode? current = root;
        for (var i = 0; i < elements.Length - 1 && current is not null; i++)
        {
            current = Step(current, elements[i]);
        }

        var last = elements[^1];
        switch (current)
        {
            case JsonObject obj when last.StartsWith("f:", StringComparison.Ordinal):
                obj.Remove(last[2..]);
                break;
            case JsonArray list:
                var index = IndexOfElement(list, last);
                if (index >= 0)
                {
                    list.RemoveAt(index);
                }

                break;
        }
    }

    private static JsonNode? Step(JsonNode current, string element) => current switch
    {
        JsonObject obj when element.StartsWith("f:", StringComparison.Ordinal) => obj[element[2..]],
        JsonArray list => IndexOfElement(list, element) is var i and >= 0 ? list[i] : null,
        _ => null,
    };

    /// <summary>Finds the list element a <c>k:</c> or <c>v:</c> path element names.</summary>
    private static int IndexOfElement(JsonArray list, string element)
    {
        if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject keys)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject item && MatchesKeys(item, keys))
                {
                    return i;
                }
            }
        }
        else if (element.StartsWith("v:", StringComparison.Ordinal))
        {
            var value = JsonNode.Parse(element[2..]);
            for (var i = 0; i < list.Count; i++)
            {
                if (JsonNode.DeepEquals(list[i], value))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool MatchesKeys(JsonObject item, JsonObject keys)
    {
        foreach (var (name, value) in keys)
        {
            if (!item.TryGetPropertyValue(name, out var actual) || !JsonNode.DeepEquals(actual, value))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        copy[key] = WithoutNulls(value);
                    }
                }

                return copy;
            case JsonArray list:
                var items = new JsonArray();
                foreach (var item in list)
                {
                    items.Add(WithoutNulls(item));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }
}
