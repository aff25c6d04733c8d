namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Upstream keeps at most ten <c>Update</c> entries: beyond that, the oldest are folded, per API version, into an
/// <c>ancient-changes</c> entry so that managedFields cannot grow without bound on objects many clients write.
/// </summary>
internal static class UpdateManagerCap
{
    internal const int MaxUpdateManagers = 10;
    internal const string AncientChangesManager = "ancient-changes";

    internal static void Apply(List<ManagedFieldsEntry> entries)
    {
        var updaters = entries.Where(e => e.Operation == ManagedFieldsEntry.UpdateOperation && e.Fields.Count > 0)
            .OrderBy(e => e.Time ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        var remaining = updaters.Count;
        var firstByVersion = new Dictionary<string, ManagedFieldsEntry>(StringComparer.Ordinal);
        for (var i = 0; i < updaters.Count && remaining > MaxUpdateManagers; i++)
        {
            var updater = updaters[i];
            var version = updater.ApiVersion ?? string.Empty;
            if (!firstByVersion.TryGetValue(version, out var first))
            {
                firstByVersion[version] = updater;
                continue;
            }

            var bucket = entries.Find(e => e.Is(AncientChangesManager, ManagedFieldsEntry.UpdateOperation, null) &&
                (e.ApiVersion ?? string.Empty) == version);
            if (bucket is null)
            {
                // The oldest entry of this version becomes the bucket.
                bucket = new ManagedFieldsEntry
                {
                    Manager = AncientChangesManager,
                    Operation = ManagedFieldsEntry.UpdateOperation,
                    ApiVersion = first.ApiVersion,
                    Time = first.Time,
                    Fields = first.Fields,
                };
                entries[entries.IndexOf(first)] = bucket;
            }

            bucket.Fields.UnionWith(updater.Fields);
            bucket.Time = updater.Time;
            entries.Remove(updater);
            remaining--;
        }
    }
}
