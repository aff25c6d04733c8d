using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>
/// The generation of every slice this controller last wrote, per Service (upstream's EndpointSliceTracker): the
/// expectations of this controller. A sync whose cache shows an older generation, or a slice it deleted, would act
/// on stale state and is retried later; informer events for our own writes do not cause another sync.
/// </summary>
internal sealed class SliceTracker
{
    private const long DeletionExpected = -1;

    private readonly Dictionary<string, Dictionary<string, long>> _byService = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when the cache has not caught up with this controller's own writes for the Service.</summary>
    public bool Stale(string serviceKey, IEnumerable<V1EndpointSlice> cached)
    {
        lock (_gate)
        {
            if (!_byService.TryGetValue(serviceKey, out var generations)) return false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var slice in cached)
            {
                seen.Add(slice.Metadata.Uid);
                if (generations.TryGetValue(slice.Metadata.Uid, out var g) && (g == DeletionExpected || g > (slice.Metadata.Generation ?? 0))) return true;
            }
            return generations.Any(kv => kv.Value != DeletionExpected && !seen.Contains(kv.Key));
        }
    }

    /// <summary>A slice event that was not caused by this controller (new, or a generation beyond the one it wrote).</summary>
    public bool ShouldSync(string serviceKey, V1EndpointSlice slice)
    {
        lock (_gate)
        {
            if (!_byService.TryGetValue(serviceKey, out var generations)) return true;
            return !generations.TryGetValue(slice.Metadata.Uid, out var g) || (slice.Metadata.Generation ?? 0) > g;
        }
    }

    public void Update(string serviceKey, V1EndpointSlice written)
    {
        lock (_gate)
        {
            if (!_byService.TryGetValue(serviceKey, out var generations)) _byService[serviceKey] = generations = new(StringComparer.Ordinal);
            generations[written.Metadata.Uid] = written.Metadata.Generation ?? 0;
        }
    }

    public void ExpectDeletion(string serviceKey, V1EndpointSlice slice)
    {
        lock (_gate)
        {
            if (!_byService.TryGetValue(serviceKey, out var generations)) _byService[serviceKey] = generations = new(StringComparer.Ordinal);
            generations[slice.Metadata.Uid] = DeletionExpected;
        }
    }

    /// <summary>Forgets a deleted slice; true when this controller deleted it (no sync needed).</summary>
    public bool HandleDeletion(string serviceKey, V1EndpointSlice slice)
    {
        lock (_gate)
        {
            if (!_byService.TryGetValue(serviceKey, out var generations) || !generations.Remove(slice.Metadata.Uid, out var g)) return false;
            return g == DeletionExpected;
        }
    }

    public void DeleteService(string serviceKey)
    {
        lock (_gate) _byService.Remove(serviceKey);
    }
}
