using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>Ordered merging of associative lists and sets for server-side apply.</summary>
internal static partial class ApplyMerger
{
    /// <summary>
    /// Merges an associative list or set the way upstream's structured merge does: items both lists hold follow the
    /// applied order, items only the live list holds keep their place, new items appear where the applied list
    /// has them.
    /// </summary>
    private static JsonArray MergeList(JsonArray live, JsonArray applied, SchemaField field)
    {
        var mergeKey = field.Metadata.MergeKey;
        var lhs = new List<JsonNode?>(live.Count);
        foreach (var item in live)
        {
            lhs.Add(item);
        }

        live.Clear();
        var lhsIds = lhs.ConvertAll(item => Identity(item, mergeKey));
        var rhsIds = new List<string?>(applied.Count);
        foreach (var item in applied)
        {
            rhsIds.Add(Identity(item, mergeKey));
        }

        var lhsById = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i < lhs.Count; i++)
        {
            if (lhsIds[i] is { } id)
            {
                lhsById.TryAdd(id, lhs[i]);
            }
        }

        var inApplied = new HashSet<string>(StringComparer.Ordinal);
        var shared = new Queue<string>();
        foreach (var id in rhsIds)
        {
            if (id is not null && inApplied.Add(id) && lhsById.ContainsKey(id))
            {
                shared.Enqueue(id);
            }
        }

        shared.TryDequeue(out var nextShared);
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        int l = 0, r = 0;
        while (l < lhs.Count || r < applied.Count)
        {
            var lhsId = l < lhs.Count ? lhsIds[l] : null;
            if (l < lhs.Count && r < applied.Count && lhsId is not null)
            {
                if (lhsId == rhsIds[r])
                {
                    Emit(lhs[l], applied[r], lhsId);
                    l++;
                    r++;
                    continue;
                }

                if (inApplied.Contains(lhsId) && nextShared is not null && nextShared != lhsId)
                {
                    // A shared item the applied list wants later: it is emitted when the applied side reaches it.
                    l++;
                    continue;
                }
            }

            if (l < lhs.Count)
            {
                if (lhsId is null || !inApplied.Contains(lhsId))
                {
                    result.Add(lhs[l++]);
                    continue;
                }

                if (emitted.Contains(lhsId))
                {
                    l++;
                    continue;
                }
            }

            if (r < applied.Count)
            {
                var rhsId = rhsIds[r];
                Emit(rhsId is not null ? lhsById.GetValueOrDefault(rhsId) : null, applied[r], rhsId);
                r++;
            }
        }

        return result;

        void Emit(JsonNode? existing, JsonNode? appliedItem, string? id)
        {
            if (id is not null && !emitted.Add(id))
            {
                return;
            }

            if (existing is JsonObject existingObject && appliedItem is JsonObject appliedObject)
            {
                Merge(existingObject, appliedObject, field.ValueType);
                result.Add(existingObject);
            }
            else
            {
                result.Add(WithoutNulls(appliedItem));
            }

            if (id is not null && id == nextShared)
            {
                shared.TryDequeue(out nextShared);
            }
        }
    }

    private static string? Identity(JsonNode? item, string? mergeKey)
    {
        if (mergeKey is null)
        {
            return FieldPath.Value(item);
        }

        return item is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out var keyValue)
            ? FieldPath.Key(mergeKey, keyValue)
            : null;
    }
}
