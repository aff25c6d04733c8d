using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>, <c>kubectl apply --server-side</c>) over field ownership
/// recorded in <c>metadata.managedFields</c> (FieldsV1). Associative lists use the strategic-merge merge keys. As
/// upstream, an untracked live object is first owned by <c>before-first-apply</c>, and the <c>kubectl</c> manager
/// keeps an existing last-applied-configuration annotation in step.
/// Simplifications against upstream: one merge key per list (upstream keys container ports by containerPort and
/// protocol), no defaulting of the applied configuration, and only the atomic structs and maps listed in
/// <see cref="ApplyAtomicity"/>.
/// </summary>
public static class ServerSideApply
{
    /// <summary>Upstream's placeholder owner of the fields of an object that had no managedFields when first applied.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>
    /// Applies <paramref name="applied"/> for <paramref name="manager"/> to <paramref name="live"/> (null: create).
    /// Fields this manager applied before but no longer does are removed unless another manager also owns them;
    /// fields another manager owns whose value would change are conflicts, unless <paramref name="force"/> moves
    /// their ownership to this manager.
    /// </summary>
    public static ApplyResult Apply(JsonNode? live, JsonNode applied, string manager, bool force, Type modelType, DateTime now)
    {
        if (applied is not JsonObject appliedObject)
        {
            throw new PatchException("invalid apply configuration: expected a JSON object");
        }

        if (live is not null and not JsonObject)
        {
            throw new PatchException("invalid live object: expected a JSON object", PatchErrorKind.Unprocessable);
        }

        if (appliedObject["metadata"]?["managedFields"] is not null)
        {
            // Upstream refuses apply configurations that try to set ownership directly.
            throw new PatchException("metadata.managedFields must be nil");
        }

        var liveObject = (JsonObject?)live;
        var result = (JsonObject?)liveObject?.DeepClone() ?? new JsonObject();
        var entries = ManagedFieldsEntry.ReadAll(liveObject);
        if (liveObject is not null && entries.Count == 0)
        {
            // Upstream: an object nobody owns yet (created untracked) is first recorded as written by a placeholder
            // Update manager, so the apply cannot silently take over fields it did not set.
            entries.Add(new ManagedFieldsEntry
            {
                Manager = BeforeFirstApplyManager,
                Operation = ManagedFieldsEntry.UpdateOperation,
                ApiVersion = ManagedFieldsEntry.Text(liveObject["apiVersion"]) ?? ManagedFieldsEntry.Text(appliedObject["apiVersion"]),
                Time = ManagedFieldsEntry.FormatTime(now),
                Fields = FieldSetBuilder.Flatten(liveObject, modelType).Keys.ToHashSet(StringComparer.Ordinal),
            });
        }

        var mine = entries.Find(e => e.Is(manager, ManagedFieldsEntry.ApplyOperation, null));
        var others = entries.Where(e => !ReferenceEquals(e, mine)).ToList();
        var appliedSet = FieldSetBuilder.Flatten(appliedObject, modelType).Keys.ToHashSet(StringComparer.Ordinal);

        if (mine is not null)
        {
            ReleaseDroppedFields(result, mine.Fields, appliedSet, others);
        }

        ApplyMerger.Merge(result, appliedObject, modelType);

        var before = FieldSetBuilder.Flatten(liveObject, modelType);
        var after = FieldSetBuilder.Flatten(result, modelType);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in appliedSet)
        {
            if (!before.TryGetValue(path, out var old) || !JsonNode.DeepEquals(old, after.GetValueOrDefault(path)))
            {
                changed.Add(path);
            }
        }

        var conflicts = new List<FieldConflict>();
        foreach (var other in others)
        {
            foreach (var path in other.Fields)
            {
                if (changed.Contains(path))
                {
                    conflicts.Add(new FieldConflict(other.Describe(), FieldPath.ToDisplay(path)));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            conflicts.Sort((a, b) => a.Manager != b.Manager
                ? string.CompareOrdinal(a.Manager, b.Manager)
                : string.CompareOrdinal(a.Field, b.Field));
            return new ApplyResult(null, conflicts);
        }

        foreach (var other in others)
        {
            // Forced: ownership of the changed fields moves to this manager.
            other.Fields.ExceptWith(changed);
        }

        if (mine is null)
        {
            mine = new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = ManagedFieldsEntry.ApplyOperation,
                Fields = appliedSet,
            };
            entries.Add(mine);
        }

        // A no-op apply keeps the entry's timestamp so the object stays byte-identical (no new resourceVersion).
        if (changed.Count > 0 || !mine.Fields.SetEquals(appliedSet) || mine.Time is null)
        {
            mine.Time = ManagedFieldsEntry.FormatTime(now);
        }

        mine.Fields = appliedSet;
        mine.ApiVersion = ManagedFieldsEntry.Text(appliedObject["apiVersion"]) ?? mine.ApiVersion;
        UpdateManagerCap.Apply(entries);
        ManagedFieldsEntry.WriteAll(result, entries);
        LastAppliedAnnotation.Sync(result, appliedObject, manager);
        return new ApplyResult(result, []);
    }

    /// <summary>
    /// Removes what the manager applied last time but not now, unless another manager owns the field or something
    /// inside it (then it stays and only this manager's claim goes).
    /// </summary>
    private static void ReleaseDroppedFields(
        JsonObject result, HashSet<string> previous, HashSet<string> applied, List<ManagedFieldsEntry> others)
    {
        // Parents first: removing a list item takes its fields with it, and their paths (keyed by them) then match nothing.
        var dropped = previous.Where(p => !applied.Contains(p)).OrderBy(p => p.Length).ToList();
        foreach (var path in dropped)
        {
            var prefix = path + FieldPath.Separator;
            var ownedElsewhere = others.Any(o => o.Fields.Contains(path) || o.Fields.Any(f => f.StartsWith(prefix, StringComparison.Ordinal)))
                || applied.Any(f => f.StartsWith(prefix, StringComparison.Ordinal));
            if (!ownedElsewhere)
            {
                ApplyMerger.Remove(result, path);
            }
        }
    }
}
