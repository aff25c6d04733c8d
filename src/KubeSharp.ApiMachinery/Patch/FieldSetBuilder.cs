using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Flattens an object into the field paths server-side apply tracks, each with the value found there. Maps and
/// structs contribute their children (an empty one is a leaf); associative lists (a merge key) contribute one item
/// path per element plus the element's fields; sets (primitive merge lists) one path per value; anything else —
/// scalars, atomic lists, atomic structs and maps — is a leaf. Fields the API server owns (identity, versioning) and
/// <c>apiVersion</c>/<c>kind</c> are never tracked, as upstream strips them before computing ownership.
/// </summary>
internal static class FieldSetBuilder
{
    // Marker value for list items: their presence matters, their content is covered by child paths.
    private static readonly JsonNode s_item = JsonValue.Create("<item>");

    internal static readonly HashSet<string> s_untrackedTopLevel = ["apiVersion", "kind"];

    internal static readonly HashSet<string> s_untrackedMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink", "managedFields",
    ];

    internal static Dictionary<string, JsonNode?> Flatten(JsonObject? root, Type? type)
    {
        var paths = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (root is null)
        {
            return paths;
        }

        foreach (var (key, value) in root)
        {
            if (value is null || s_untrackedTopLevel.Contains(key))
            {
                continue;
            }

            var field = ModelSchema.Lookup(type, key);
            if (key == "metadata" && value is JsonObject metadata)
            {
                var metadataPath = FieldPath.Field(key);
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (metaValue is not null && !s_untrackedMetadata.Contains(metaKey))
                    {
                        AddValue(paths, FieldPath.Child(metadataPath, FieldPath.Field(metaKey)), metaValue,
                            ModelSchema.Lookup(field.ValueType, metaKey));
                    }
                }

                continue;
            }

            AddValue(paths, FieldPath.Field(key), value, field);
        }

        return paths;
    }

    private static void AddObject(Dictionary<string, JsonNode?> paths, string path, JsonObject obj, Type? type)
    {
        foreach (var (key, value) in obj)
        {
            if (value is not null)
            {
                AddValue(paths, FieldPath.Child(path, FieldPath.Field(key)), value, ModelSchema.Lookup(type, key));
            }
        }
    }

    private static void AddValue(Dictionary<string, JsonNode?> paths, string path, JsonNode value, SchemaField field)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0 && !field.IsAtomic:
                AddObject(paths, path, obj, field.ValueType);
                return;
            case JsonArray list when field.Metadata.MergesList && field.Metadata.MergeKey is { } mergeKey:
                foreach (var element in list)
                {
                    if (element is JsonObject item && item.TryGetPropertyValue(mergeKey, out var keyValue))
                    {
                        var itemPath = FieldPath.Child(path, FieldPath.Key(mergeKey, keyValue));
                        paths[itemPath] = s_item;
                        AddObject(paths, itemPath, item, field.ValueType);
                    }
                }

                return;
            case JsonArray list when field.Metadata.MergesList:
                foreach (var element in list)
                {
                    paths[FieldPath.Child(path, FieldPath.Value(element))] = s_item;
                }

                return;
            default:
                paths[path] = value;
                return;
        }
    }
}
