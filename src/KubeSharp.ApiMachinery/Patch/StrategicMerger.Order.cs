using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// <c>$setElementOrder/&lt;list&gt;</c>: kubectl apply sends the desired order of a merged list. Items named in the
/// order list come in that order; items only the server has keep their place relative to the live list, interleaved
/// with the ordered items as upstream's merge of the two sorted sequences does.
/// </summary>
internal static partial class StrategicMerger
{
    private static void ApplySetElementOrder(JsonObject original, JsonObject patch, Type? type)
    {
        foreach (var key in Keys(patch))
        {
            if (!key.StartsWith(PatchDirectives.SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var orderNode = patch[key];
            patch.Remove(key);
            if (orderNode is not JsonArray order)
            {
                throw new PatchException("invalid patch format of setElementOrder list");
            }

            var fieldName = key[PatchDirectives.SetElementOrderPrefix.Length..];
            var field = ModelSchema.Lookup(type, fieldName);
            if (!field.Metadata.MergesList)
            {
                // An atomic list is replaced by the patch (if present); there is nothing to order.
                continue;
            }

            original.TryGetPropertyValue(fieldName, out var originalNode);
            var hasPatchList = patch.TryGetPropertyValue(fieldName, out var patchNode);
            if (hasPatchList && patchNode is not JsonArray)
            {
                // null (delete) or a non-list value: the main loop handles it, ordering is moot.
                continue;
            }

            var originalList = originalNode as JsonArray;
            var patchList = patchNode as JsonArray;
            if (originalList is null && patchList is null)
            {
                continue;
            }

            var mergeKey = field.Metadata.MergeKey;
            var orderIds = Identities(order, mergeKey);
            if (patchList is not null)
            {
                ValidateOrder(patchList, orderIds, mergeKey, order);
            }

            var serverIds = originalList is null ? [] : Identities(originalList, mergeKey);
            var merged = patchList is null ? originalList! : MergeList(originalList ?? [], patchList, field, fieldName);
            patch.Remove(fieldName);
            original[fieldName] = Order(merged, orderIds, serverIds, mergeKey);
        }
    }

    private static JsonArray Order(JsonArray merged, List<JsonNode?> orderIds, List<JsonNode?> serverIds, string? mergeKey)
    {
        var items = new List<JsonNode?>(merged.Count);
        foreach (var item in merged)
        {
            items.Add(item);
        }

        // Detach the items so they can be re-parented into the ordered array.
        merged.Clear();
        var patchItems = new List<(JsonNode? Item, int Rank)>();
        var serverOnly = new List<(JsonNode? Item, int Rank)>();
        foreach (var item in items)
        {
            var id = Identity(item, mergeKey);
            var orderIndex = IndexOf(orderIds, id);
            if (orderIndex >= 0)
            {
                patchItems.Add((item, orderIndex));
            }
            else
            {
                var serverIndex = IndexOf(serverIds, id);
                serverOnly.Add((item, serverIndex < 0 ? int.MaxValue : serverIndex));
            }
        }

        StableSortByRank(patchItems);
        StableSortByRank(serverOnly);

        // Interleave: a server-only item goes before the next patch item when the live list had it first.
        var result = new JsonArray();
        int i = 0, j = 0;
        while (i < serverOnly.Count || j < patchItems.Count)
        {
            if (j >= patchItems.Count)
            {
                result.Add(serverOnly[i++].Item);
            }
            else if (i >= serverOnly.Count)
            {
                result.Add(patchItems[j++].Item);
            }
            else
            {
                var serverRank = serverOnly[i].Rank;
                var patchRankInServer = IndexOf(serverIds, Identity(patchItems[j].Item, mergeKey));
                if (serverRank != int.MaxValue && patchRankInServer >= 0 && serverRank < patchRankInServer)
                {
                    result.Add(serverOnly[i++].Item);
                }
                else
                {
                    result.Add(patchItems[j++].Item);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Upstream requires the patch's items (ignoring directive items) to appear in the order list in the same
    /// relative order; anything else is a malformed patch.
    /// </summary>
    private static void ValidateOrder(JsonArray patchList, List<JsonNode?> orderIds, string? mergeKey, JsonArray order)
    {
        var orderIndex = 0;
        foreach (var item in patchList)
        {
            if (item is JsonObject obj && obj.ContainsKey(PatchDirectives.Patch))
            {
                continue;
            }

            var id = Identity(item, mergeKey);
            while (orderIndex < orderIds.Count && !JsonNode.DeepEquals(orderIds[orderIndex], id))
            {
                orderIndex++;
            }

            if (orderIndex >= orderIds.Count)
            {
                throw new PatchException(
                    $"The order in patch list:\n{patchList.ToJsonString()}\n doesn't match $setElementOrder list:\n{order.ToJsonString()}\n");
            }

            orderIndex++;
        }
    }

    private static List<JsonNode?> Identities(JsonArray list, string? mergeKey)
    {
        var ids = new List<JsonNode?>(list.Count);
        foreach (var item in list)
        {
            // Cloned: merging may swap the live key node for the patch's copy.
            ids.Add(Identity(item, mergeKey)?.DeepClone());
        }

        return ids;
    }

    private static JsonNode? Identity(JsonNode? item, string? mergeKey)
    {
        if (mergeKey is null)
        {
            return item;
        }

        if (item is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out var value))
        {
            return value;
        }

        throw NoMergeKey(item, mergeKey);
    }

    private static int IndexOf(List<JsonNode?> ids, JsonNode? id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (JsonNode.DeepEquals(ids[i], id))
            {
                return i;
            }
        }

        return -1;
    }

    private static void StableSortByRank(List<(JsonNode? Item, int Rank)> list)
    {
        // Insertion sort: lists are short and it is stable.
        for (var i = 1; i < list.Count; i++)
        {
            var current = list[i];
            var j = i - 1;
            while (j >= 0 && list[j].Rank > current.Rank)
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = current;
        }
    }
}
