using System.Collections.Concurrent;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>
/// Creations and deletions a controller has asked for but not yet seen in its informer (upstream's
/// UIDTrackingControllerExpectations). Until they are observed, or expire after five minutes, the controller must
/// not act on its stale cache again, or a lagging informer would make it create or delete twice.
/// Deletions are tracked by pod key, so a delete seen for a pod the controller did not delete is not counted.
/// </summary>
internal sealed class ControllerExpectations(TimeProvider time)
{
    /// <summary>upstream's ExpectationsTimeout: a lost watch event must not wedge a controller forever.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public bool Satisfied(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return true;
        lock (e)
        {
            return (e.Adds <= 0 && e.Deletes.Count == 0) || time.GetUtcNow() - e.SetAt > Timeout;
        }
    }

    public void ExpectCreations(string key, int count) => _entries[key] = new Entry(count, [], time.GetUtcNow());

    public void ExpectDeletions(string key, IEnumerable<string> podKeys) =>
        _entries[key] = new Entry(0, [.. podKeys], time.GetUtcNow());

    public void CreationObserved(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return;
        lock (e) e.Adds--;
    }

    public void DeletionObserved(string key, string podKey)
    {
        if (!_entries.TryGetValue(key, out var e)) return;
        lock (e) e.Deletes.Remove(podKey);
    }

    public void Delete(string key) => _entries.TryRemove(key, out _);

    private sealed class Entry(int adds, HashSet<string> deletes, DateTimeOffset setAt)
    {
        public int Adds = adds;
        public readonly HashSet<string> Deletes = deletes;
        public readonly DateTimeOffset SetAt = setAt;
    }
}
