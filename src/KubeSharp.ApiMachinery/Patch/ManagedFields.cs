using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Ownership bookkeeping for non-apply writes (create, update, every patch type except apply): the writing manager
/// gets an <c>Update</c> entry owning the fields it set or changed, and those fields leave every other manager's set,
/// as upstream's field manager does. Update never conflicts. Objects that exist without managedFields are left
/// untracked, like upstream.
/// </summary>
public static partial class ManagedFields
{
    /// <summary>
    /// Returns a copy of <paramref name="newObject"/> whose <c>metadata.managedFields</c> records the write.
    /// <paramref name="oldObject"/> is null for a create. Entries the client sent explicitly (different from the old
    /// object's) are kept as the starting point, which is how kubectl migrates client-side-apply ownership.
    /// </summary>
    public static JsonObject RecordUpdate(
        JsonNode? oldObject, JsonNode newObject, string manager, Type modelType, DateTime now, string? subresource = null)
    {
        if (newObject is not JsonObject newObj || oldObject is not (null or JsonObject))
        {
            throw new PatchException("invalid object: expected a JSON object", PatchErrorKind.Unprocessable);
        }

        var oldObj = (JsonObject?)oldObject;
        var result = (JsonObject)newObj.DeepClone();
        var sentFields = newObj["metadata"]?["managedFields"];
        var clientSet = sentFields is JsonArray { Count: > 0 } &&
            !JsonNode.DeepEquals(sentFields, oldObj?["metadata"]?["managedFields"]);
        var entries = ManagedFieldsEntry.ReadAll(clientSet ? newObj : oldObj);
        if (oldObj is not null && entries.Count == 0)
        {
            // Upstream tracks ownership from creation on; an existing object without managedFields stays untracked
            // until its first apply (which then records "before-first-apply").
            result["metadata"]?.AsObject().Remove("managedFields");
            return result;
        }


        var before = FieldSetBuilder.Flatten(oldObj, modelType);
        var after = FieldSetBuilder.Flatten(newObj, modelType);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, value) in after)
        {
            if (!before.TryGetValue(path, out var old) || !JsonNode.DeepEquals(old, value))
            {
                changed.Add(path);
            }
        }

        foreach (var path in before.Keys)
        {
            if (!after.ContainsKey(path))
            {
                changed.Add(path);
            }
        }

        if (changed.Count > 0)
        {
            var mine = entries.Find(e => e.Is(manager, ManagedFieldsEntry.UpdateOperation, subresource));
            foreach (var entry in entries)
            {
                entry.Fields.ExceptWith(changed);
            }

            if (mine is null)
            {
                mine = new ManagedFieldsEntry
                {
                    Manager = manager,
                    Operation = ManagedFieldsEntry.UpdateOperation,
                    Subresource = subresource,
                    Fields = new HashSet<string>(StringComparer.Ordinal),
                };
                entries.Add(mine);
            }

            foreach (var path in changed)
            {
                if (after.ContainsKey(path))
                {
                    mine.Fields.Add(path);
                }
            }

            mine.ApiVersion = ManagedFieldsEntry.Text(newObj["apiVersion"]) ?? mine.ApiVersion;
            mine.Time = ManagedFieldsEntry.FormatTime(now);
        }

        UpdateManagerCap.Apply(entries);
        ManagedFieldsEntry.WriteAll(result, entries);
        return result;
    }
}
