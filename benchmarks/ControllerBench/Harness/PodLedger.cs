using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>
/// Counts pod creations (ADDED) and deletions (DELETED) per pod name from a watch, split at a mark so a rollout's
/// own creates and deletes can be told from the set-up's. Not thread-safe: callers hold their scenario lock.
/// </summary>
internal sealed class PodLedger
{
    private readonly Dictionary<string, int> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _deleted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _addedAfterMark = new(StringComparer.Ordinal);
    private bool _marked;

    public int Creates { get; private set; }

    public int Deletes { get; private set; }

    public int CreatesAfterMark { get; private set; }

    public int DeletesAfterMark { get; private set; }

    /// <summary>Pods deleted after the mark that were also created after it (a rollout should delete none).</summary>
    public int NewPodsDeleted { get; private set; }

    public int Alive => Creates - Deletes;

    /// <summary>The new pods that were deleted, with their controller, for the report (diagnosis of an extra create).</summary>
    public List<string> NewPodsDeletedNames { get; } = [];

    /// <summary>Names ADDED more than once or DELETED more than once.</summary>
    public int Duplicates => _added.Values.Count(c => c > 1) + _deleted.Values.Count(c => c > 1);

    public void Mark() => _marked = true;

    public void Observe(WatchEventType type, V1Pod pod)
    {
        var name = pod.Metadata.Name;
        if (type == WatchEventType.Added)
        {
            _added[name] = _added.GetValueOrDefault(name) + 1;
            Creates++;
            if (!_marked) return;
            CreatesAfterMark++;
            _addedAfterMark.Add(name);
        }
        else if (type == WatchEventType.Deleted)
        {
            _deleted[name] = _deleted.GetValueOrDefault(name) + 1;
            Deletes++;
            if (!_marked) return;
            DeletesAfterMark++;
            if (!_addedAfterMark.Contains(name)) return;
            NewPodsDeleted++;
            var owner = pod.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true)?.Name ?? "no owner";
            NewPodsDeletedNames.Add($"{name} (of {owner})");
        }
    }
}
