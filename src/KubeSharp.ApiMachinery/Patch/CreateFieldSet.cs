using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Builds the FieldsV1 of a whole object in one walk, for the single Update entry a create records. It follows the
/// same rules as <see cref="FieldSetBuilder.Flatten"/> + <see cref="FieldsV1.Build"/> (tested to give identical
/// output) but builds the trie directly, without a string path per field, a sort of all paths and a re-split —
/// that round trip dominated the cost of every create.
/// </summary>
internal static class CreateFieldSet
{
    // The same untracked fields as Flatten: one list, so the two walks cannot drift apart.
    private static readonly HashSet<string> s_untrackedTopLevel = FieldSetBuilder.s_untrackedTopLevel;

    private static readonly HashSet<string> s_untrackedMetadata = FieldSetBuilder.s_untrackedMetadata;

    private sealed class TrieNode
    {
        public SortedDictionary<string, TrieNode>? Children;
        public bool InSet;

        public TrieNode Child(string element)
        {
            Children ??= new SortedDictionary<string, TrieNode>(StringComparer.Ordinal);
            if (!Children.TryGetValue(element, out var child))
            {
                child = new TrieNode();
                Children[element] = child;
            }

            return child;
        }

        /// <summary>The FieldsV1 object of this node, or null when nothing under it is in the set (e.g. an empty
        /// associative list), which Flatten would not mention either.</summary>
        public JsonObject? ToJson()
        {
            JsonObject? obj = null;
            if (Children is not null)
            {
                foreach (var (name, child) in Children)
                {
                    if (child.ToJson() is { } childJson)
                    {
                        obj ??= new JsonObject();
                        obj[name] = childJson;
                    }
                }
            }

            if (obj is null)
            {
                return InSet ? new JsonObject() : null;
            }

            if (InSet)
            {
                // "." first, as the sorted encoding puts it before every "f:"/"k:"/"v:" element.
                var withSelf = new JsonObject { ["."] = new JsonObject() };
                foreach (var (name, child) in obj.ToList())
                {
                    obj.Remove(name);
                    withSelf[name] = child;
                }

                return withSelf;
            }

            return obj;
        }
    }

    internal static JsonObject Build(JsonObject root, Type? type)
    {
        var trie = new TrieNode();
        foreach (var (key, value) in root)
        {
            if (value is null || s_untrackedTopLevel.Contains(key))
            {
                continue;
            }

            var field = ModelSchema.Lookup(type, key);
            if (key == "metadata" && value is JsonObject metadata)
            {
                TrieNode? metadataNode = null;
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (metaValue is not null && !s_untrackedMetadata.Contains(metaKey))
                    {
                        metadataNode ??= trie.Child(FieldPath.Field(key));
                        AddValue(metadataNode.Child(FieldPath.Field(metaKey)), metaValue, ModelSchema.Lookup(field.ValueType, metaKey));
                    }
                }

                continue;
            }

            AddValue(trie.Child(FieldPath.Field(key)), value, field);
        }

        return trie.ToJson() ?? new JsonObject();
    }

    private static void AddObject(TrieNode node, JsonObject obj, Type? type)
    {
        foreach (var (key, value) in obj)
        {
            if (value is not null)
            {
                AddValue(node.Child(FieldPath.Field(key)), value, ModelSchema.Lookup(type, key));
            }
        }
    }

    /// <summary>Mirrors FieldSetBuilder.AddValue: a node is "in the set" exactly where Flatten would emit a path.</summary>
    private static void AddValue(TrieNode node, JsonNode value, SchemaField field)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0 && !field.IsAtomic:
                AddObject(node, obj, field.ValueType);
                return;
            case JsonArray list when field.Metadata.MergesList && field.Metadata.MergeKey is { } mergeKey:
                foreach (var element in list)
                {
                    if (element is JsonObject item && item.TryGetPropertyValue(mergeKey, out var keyValue))
                    {
                        var itemNode = node.Child(FieldPath.Key(mergeKey, keyValue));
                        itemNode.InSet = true;
                        AddObject(itemNode, item, field.ValueType);
                    }
                }

                return;
            case JsonArray list when field.Metadata.MergesList:
                foreach (var element in list)
                {
                    node.Child(FieldPath.Value(element)).InSet = true;
                }

                return;
            default:
                node.InSet = true;
                return;
        }
    }
}
