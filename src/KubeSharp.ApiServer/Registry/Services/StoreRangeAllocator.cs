using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>The outcome of asking for one specific item.</summary>
public enum AllocateResult
{
    Allocated,
    AlreadyAllocated,
}

/// <summary>
/// A persistent allocator of offsets 0..size-1 of a range, kept in the store as one key per allocated item
/// (<c>/registry/ranges/&lt;name&gt;/&lt;item&gt;</c>), the shape of upstream's newer per-IPAddress allocator rather than
/// its single bitmap. Taking an item is a store create that fails if the key exists, so the store's
/// compare-and-swap is the only guard: two API servers on one store, or concurrent requests in one, can never
/// both win the same item, and allocations survive restarts because they are the store. Items are read back
/// from the store, never cached, so nothing here can go stale.
/// </summary>
public sealed class StoreRangeAllocator
{
    private const int RandomProbes = 16;
    private readonly IStore _store;
    private readonly string _prefix;
    private readonly Func<ulong, string> _itemName;
    private readonly Func<string, ulong?> _parseItem;

    /// <param name="staticBand">Offsets below this are left for explicit requests while higher ones are free.</param>
    public StoreRangeAllocator(IStore store, string name, ulong size, ulong staticBand, Func<ulong, string> itemName, Func<string, ulong?> parseItem)
    {
        _store = store;
        _prefix = $"/registry/ranges/{name}/";
        Size = size;
        StaticBand = staticBand < size ? staticBand : 0;
        _itemName = itemName;
        _parseItem = parseItem;
    }

    public ulong Size { get; }

    public ulong StaticBand { get; }

    public string KeyOf(ulong offset) => _prefix + _itemName(offset);

    /// <summary>Takes <paramref name="offset"/> for <paramref name="owner"/>.</summary>
    public async Task<AllocateResult> AllocateAsync(ulong offset, AllocationOwner owner, CancellationToken cancellationToken)
    {
        var result = await _store.CreateAsync(KeyOf(offset), owner.ToJson(), cancellationToken);
        return result.Status == WriteStatus.Ok ? AllocateResult.Allocated : AllocateResult.AlreadyAllocated;
    }

    public async Task<bool> IsAllocatedAsync(ulong offset, CancellationToken cancellationToken) =>
        await _store.GetAsync(KeyOf(offset), 0, cancellationToken) != null;

    /// <summary>
    /// Takes any free offset, preferring the dynamic band above <see cref="StaticBand"/>: first a few random
    /// probes (almost always enough in a sparse range), then a scan of the allocated keys for the free ones.
    /// With <paramref name="dryRun"/> it only finds a free offset. Null when the range is full.
    /// </summary>
    public async Task<ulong?> AllocateNextAsync(AllocationOwner owner, bool dryRun, CancellationToken cancellationToken)
    {
        var dynamicSize = Size - StaticBand;
        for (var i = 0; i < RandomProbes && dynamicSize > 0; i++)
        {
            var candidate = StaticBand + (ulong)Random.Shared.NextInt64(0, (long)Math.Min(dynamicSize, long.MaxValue));
            if (await TryTakeAsync(candidate, owner, dryRun, cancellationToken)) return candidate;
        }

        var used = await ListAllocatedAsync(cancellationToken);
        // Dynamic band from a random start, wrapping, then the static band.
        foreach (var (start, length) in new[] { (StaticBand, dynamicSize), (0UL, StaticBand) })
        {
            if (length == 0) continue;
            var first = (ulong)Random.Shared.NextInt64(0, (long)Math.Min(length, long.MaxValue));
            for (ulong n = 0; n < length; n++)
            {
                var candidate = start + (first + n) % length;
                if (used.Contains(candidate)) continue;
                if (await TryTakeAsync(candidate, owner, dryRun, cancellationToken)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Frees <paramref name="offset"/> if <paramref name="uid"/> holds it (an entry that another
    /// Service took after a crash is left alone). CAS on the entry's revision, so a concurrent re-allocation
    /// cannot be deleted by mistake.</summary>
    public async Task<bool> ReleaseAsync(ulong offset, string uid, CancellationToken cancellationToken)
    {
        var key = KeyOf(offset);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var kv = await _store.GetAsync(key, 0, cancellationToken);
            if (kv == null) return false;
            if (AllocationOwner.FromJson(kv.Value) is { } holder && holder.Uid != uid) return false;
            var result = await _store.DeleteAsync(key, kv.ModRevision, cancellationToken);
            if (result.Status != WriteStatus.Conflict) return result.Status == WriteStatus.Ok;
        }
        return false;
    }

    /// <summary>Every entry of the range with its owner and the revision it was written at.</summary>
    public async Task<List<(ulong Offset, AllocationOwner? Owner, long Revision)>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<(ulong, AllocationOwner?, long)>();
        string? start = null;
        long revision = 0;
        while (true)
        {
            var page = await _store.ListAsync(_prefix, new ListOptions(revision, start, 10_000), cancellationToken);
            revision = page.Revision;
            foreach (var kv in page.Items)
            {
                if (_parseItem(kv.Key[_prefix.Length..]) is { } offset) entries.Add((offset, AllocationOwner.FromJson(kv.Value), kv.ModRevision));
            }
            if (!page.More || page.Items.Count == 0) return entries;
            start = page.Items[^1].Key;
        }
    }

    /// <summary>Deletes an entry regardless of owner, if it is still at <paramref name="revision"/> (repair).</summary>
    public async Task<bool> DeleteEntryAsync(ulong offset, long revision, CancellationToken cancellationToken) =>
        (await _store.DeleteAsync(KeyOf(offset), revision, cancellationToken)).Status == WriteStatus.Ok;

    private async Task<HashSet<ulong>> ListAllocatedAsync(CancellationToken cancellationToken)
    {
        var set = new HashSet<ulong>();
        foreach (var (offset, _, _) in await ListAsync(cancellationToken)) set.Add(offset);
        return set;
    }

    private async Task<bool> TryTakeAsync(ulong offset, AllocationOwner owner, bool dryRun, CancellationToken cancellationToken) =>
        dryRun
            ? !await IsAllocatedAsync(offset, cancellationToken)
            : await AllocateAsync(offset, owner, cancellationToken) == AllocateResult.Allocated;
}
