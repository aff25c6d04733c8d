using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// The runtime's view of each pod as the last sync left it (upstream's PLEG pod cache): a sync reuses it instead of
/// asking the runtime again for sandboxes, containers and their statuses. An entry is valid until something may
/// have changed the pod in the runtime behind the kubelet's back: PLEG drops it when a relist shows the pod's
/// sandboxes or containers differently from the entry; the syncer drops it after any change it does not patch in
/// itself. A generation per pod makes a sync's store lose against an invalidation that happened while it ran, so a
/// sync never caches what it read before a change PLEG already reported.
/// </summary>
internal sealed class RuntimePodCache
{
    private sealed class Entry
    {
        public RuntimePod? Pod;
        public long Generation;
        public int Readers;
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>What a sync read from the cache (Pod null: load from the runtime) and the generation it is based on.</summary>
    public readonly record struct Lease(string Uid, RuntimePod? Pod, long Generation);

    /// <summary>Starts a sync's use of the pod's entry; pair it with <see cref="End"/>.</summary>
    public Lease Begin(string uid)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(uid, out var entry)) _entries[uid] = entry = new Entry();
            entry.Readers++;
            return new Lease(uid, entry.Pod, entry.Generation);
        }
    }

    /// <summary>
    /// Ends a sync: stores <paramref name="pod"/> (what the runtime has now, as far as the sync knows) unless the
    /// entry was invalidated since <see cref="Begin"/>; null stores nothing.
    /// </summary>
    public void End(Lease lease, RuntimePod? pod)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(lease.Uid, out var entry)) return;
            entry.Readers--;
            if (pod != null && entry.Generation == lease.Generation) entry.Pod = pod;
            if (entry.Pod == null && entry.Readers <= 0) _entries.Remove(lease.Uid);
        }
    }

    /// <summary>The pod may have changed in the runtime: the next sync loads it again.</summary>
    public void Invalidate(string uid)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(uid, out var entry)) return;
            entry.Generation++;
            entry.Pod = null;
            if (entry.Readers <= 0) _entries.Remove(uid);
        }
    }

    /// <summary>
    /// PLEG's relist saw the pod's sandboxes and containers as <paramref name="observed"/> ("s/"+id or "c/"+id →
    /// state): the entry stays only if it shows exactly that, i.e. the change PLEG saw is one the sync already knew
    /// (usually its own sandbox and container starts).
    /// </summary>
    public void Observe(string uid, IReadOnlyDictionary<string, int> observed)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(uid, out var entry)) return;
            if (entry.Pod != null && Matches(entry.Pod, observed)) return;
            entry.Generation++;
            entry.Pod = null;
            if (entry.Readers <= 0) _entries.Remove(uid);
        }
    }

    /// <summary>The pod is gone from the node: drop its entry.</summary>
    public void Forget(string uid)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(uid, out var entry)) return;
            entry.Generation++;
            entry.Pod = null;
            if (entry.Readers <= 0) _entries.Remove(uid);
        }
    }

    /// <summary>Pods with an entry (tests, diagnostics).</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    private static bool Matches(RuntimePod pod, IReadOnlyDictionary<string, int> observed)
    {
        if (pod.Sandboxes.Count + pod.Containers.Count != observed.Count) return false;
        foreach (var s in pod.Sandboxes)
        {
            if (!observed.TryGetValue("s/" + s.Id, out var state) || state != (int)s.State) return false;
        }
        foreach (var c in pod.Containers)
        {
            if (!observed.TryGetValue("c/" + c.Id, out var state) || state != (int)c.State) return false;
        }
        return true;
    }
}
