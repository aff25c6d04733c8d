using k8s.Models;

namespace KubeSharp.Scheduler.Queue;

/// <summary>
/// Pending pods in three places, as upstream's PriorityQueue: the active heap (ready to schedule), the back-off
/// queue (failed recently; waits initial×2^(attempts−1) capped at max), and the unschedulable set (rejected by
/// plugins; moves back when the cluster changes in a way that may help: a node added or updated, an assigned pod
/// deleted; upstream's 5-minute leftover flush is only a safety net). A move request that arrives while a pod is
/// being scheduled sends that pod to back-off instead of the unschedulable set, so a racing change is not lost.
/// Before a pod enters the active or back-off queue the PreEnqueue check runs (upstream's scheduling gates): a
/// pod it rejects is kept, gated, in the unschedulable set, untouched by cluster events, until an update of the
/// pod itself passes the check; it then goes straight to the active heap (a gated pod has no back-off).
/// </summary>
public sealed class SchedulingQueue
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _initialBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly PriorityQueue<QueuedPodInfo, QueuedPodInfo> _active = new(PodOrder.Instance);
    private readonly Dictionary<string, QueuedPodInfo> _activeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedPodInfo> _backoff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedPodInfo> _unschedulable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedPodInfo> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Func<V1Pod, Framework.Status>? _preEnqueue;
    private long _sequence;
    private long _schedulingCycle;
    private long _moveRequestCycle = -1;

    // The last filtered move (cycle and whom it concerned): a pod that failed during it goes to back-off only if
    // the move concerned it, so the stream of bound-pod confirmations does not send every failure to back-off.
    private (long Cycle, Func<QueuedPodInfo, bool>? Affected) _filteredMove = (-1, null);

    /// <param name="preEnqueue">The pod's profile's PreEnqueue plugins; null lets every pod in.</param>
    public SchedulingQueue(TimeProvider time, TimeSpan initialBackoff, TimeSpan maxBackoff, Func<V1Pod, Framework.Status>? preEnqueue = null)
    {
        _preEnqueue = preEnqueue;
        _time = time;
        _initialBackoff = initialBackoff;
        _maxBackoff = maxBackoff;
    }

    /// <summary>Incremented by every <see cref="PopAsync"/>; failures report the cycle they ran in.</summary>
    public long SchedulingCycle
    {
        get
        {
            lock (_lock) return _schedulingCycle;
        }
    }

    public (int Active, int Backoff, int Unschedulable) Counts
    {
        get
        {
            lock (_lock) return (_activeIndex.Count, _backoff.Count, _unschedulable.Count);
        }
    }

    /// <summary>Pods held back by a PreEnqueue plugin (they are also counted as unschedulable).</summary>
    public int GatedCount
    {
        get
        {
            lock (_lock)
            {
                var n = 0;
                foreach (var info in _unschedulable.Values)
                {
                    if (info.Gated) n++;
                }
                return n;
            }
        }
    }

    /// <summary>The queued entry for a pod key (active, back-off or unschedulable), for diagnostics and tests.</summary>
    public QueuedPodInfo? Find(string key)
    {
        lock (_lock)
        {
            return _activeIndex.GetValueOrDefault(key) ?? _backoff.GetValueOrDefault(key) ?? _unschedulable.GetValueOrDefault(key);
        }
    }

    /// <summary>A new pending pod goes straight to the active heap, or to the gated pool if PreEnqueue rejects it.</summary>
    public void Add(V1Pod pod)
    {
        lock (_lock)
        {
            var key = KeyOf(pod);
            if (_inFlight.ContainsKey(key)) return;
            _backoff.Remove(key);
            _unschedulable.Remove(key);
            PushActiveOrGate(new QueuedPodInfo(pod, _time.GetUtcNow()));
        }
    }

    /// <summary>
    /// A pending pod changed. Its spec (not only status) changing makes it worth another try at once, as upstream's
    /// isPodUpdated; a status-only change (e.g. our own PodScheduled=False) just refreshes the stored object.
    /// </summary>
    public void Update(V1Pod oldPod, V1Pod newPod)
    {
        lock (_lock)
        {
            var key = KeyOf(newPod);
            if (_inFlight.TryGetValue(key, out var flying))
            {
                flying.Pod = newPod;
            }
            else if (_activeIndex.TryGetValue(key, out var active))
            {
                active.Pod = newPod;
            }
            else if (_backoff.TryGetValue(key, out var backing))
            {
                backing.Pod = newPod;
            }
            else if (_unschedulable.TryGetValue(key, out var waiting))
            {
                waiting.Pod = newPod;
                if (SpecChanged(oldPod, newPod))
                {
                    if (waiting.Gated)
                    {
                        // Upstream: a gated pod never backs off; it goes to the active heap once PreEnqueue passes.
                        if (!Gate(waiting))
                        {
                            _unschedulable.Remove(key);
                            PushActive(waiting);
                        }
                    }
                    else
                    {
                        _unschedulable.Remove(key);
                        MoveOut(waiting);
                    }
                }
            }
            else
            {
                PushActiveOrGate(new QueuedPodInfo(newPod, _time.GetUtcNow()));
            }
        }
    }

    public void Delete(V1Pod pod)
    {
        lock (_lock)
        {
            var key = KeyOf(pod);
            _activeIndex.Remove(key);
            _backoff.Remove(key);
            _unschedulable.Remove(key);
        }
    }

    /// <summary>Waits for the highest-priority active pod; it stays "in flight" until <see cref="Done"/>.</summary>
    public async Task<QueuedPodInfo> PopAsync(CancellationToken ct)
    {
        while (true)
        {
            lock (_lock)
            {
                while (_active.TryDequeue(out var info, out _))
                {
                    // Lazy deletion: the heap may hold entries that were deleted or replaced since.
                    if (!_activeIndex.TryGetValue(info.Key, out var current) || !ReferenceEquals(current, info)) continue;
                    _activeIndex.Remove(info.Key);
                    _inFlight[info.Key] = info;
                    info.Attempts++;
                    _schedulingCycle++;
                    return info;
                }
            }
            await _signal.WaitAsync(ct);
        }
    }

    /// <summary>The attempt for this pod is over (bound, requeued, or dropped).</summary>
    public void Done(string key)
    {
        lock (_lock) _inFlight.Remove(key);
    }

    /// <summary>
    /// Requeues a pod whose attempt failed in <paramref name="podSchedulingCycle"/>. Rejected by plugins: the
    /// unschedulable set, unless a move request came during the attempt. An error (no rejecting plugin): back-off.
    /// </summary>
    public void AddUnschedulable(QueuedPodInfo info, long podSchedulingCycle)
    {
        lock (_lock)
        {
            _inFlight.Remove(info.Key);
            if (_activeIndex.ContainsKey(info.Key) || _backoff.ContainsKey(info.Key) || _unschedulable.ContainsKey(info.Key)) return;
            info.Timestamp = _time.GetUtcNow();
            if (info.UnschedulablePlugins.Count == 0 || _moveRequestCycle >= podSchedulingCycle
                || (_filteredMove.Cycle >= podSchedulingCycle && _filteredMove.Affected!(info)))
            {
                _backoff[info.Key] = info;
            }
            else
            {
                _unschedulable[info.Key] = info;
            }
        }
    }

    /// <summary>A cluster change that may make unschedulable pods fit: every one goes to back-off or active.</summary>
    public void MoveAllToActiveOrBackoff()
    {
        lock (_lock)
        {
            List<QueuedPodInfo>? moved = null;
            foreach (var info in _unschedulable.Values)
            {
                // Only an update of the pod itself can lift a gate; cluster events leave gated pods where they are.
                if (!info.Gated) (moved ??= []).Add(info);
            }
            foreach (var info in moved ?? [])
            {
                _unschedulable.Remove(info.Key);
                MoveOut(info);
            }
            _moveRequestCycle = _schedulingCycle;
        }
    }

    /// <summary>
    /// A cluster change that can only help pods rejected by some plugins (upstream's per-plugin cluster events):
    /// those move to back-off or active, the others stay.
    /// </summary>
    public void MoveToActiveOrBackoff(Func<QueuedPodInfo, bool> affected)
    {
        lock (_lock)
        {
            List<QueuedPodInfo>? moved = null;
            foreach (var info in _unschedulable.Values)
            {
                if (!info.Gated && affected(info)) (moved ??= []).Add(info);
            }
            foreach (var info in moved ?? [])
            {
                _unschedulable.Remove(info.Key);
                MoveOut(info);
            }
            _filteredMove = (_schedulingCycle, affected);
        }
    }

    /// <summary>Moves pods whose back-off has expired to the active heap (upstream runs this every second).</summary>
    public void FlushBackoffCompleted()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            List<QueuedPodInfo>? ready = null;
            foreach (var info in _backoff.Values)
            {
                if (BackoffExpiry(info) <= now) (ready ??= []).Add(info);
            }
            if (ready == null) return;
            foreach (var info in ready)
            {
                _backoff.Remove(info.Key);
                PushActive(info);
            }
        }
    }

    /// <summary>
    /// Upstream's safety net (flushUnschedulablePodsLeftover, every 30 s): a pod unschedulable for longer than
    /// <paramref name="maxWait"/> (default 5 min) is retried even without a cluster event, in case an event that
    /// would have helped is one this scheduler does not watch.
    /// </summary>
    public void FlushUnschedulableLeftover(TimeSpan maxWait)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            List<QueuedPodInfo>? stale = null;
            foreach (var info in _unschedulable.Values)
            {
                if (!info.Gated && now - info.Timestamp > maxWait) (stale ??= []).Add(info);
            }
            if (stale == null) return;
            foreach (var info in stale)
            {
                _unschedulable.Remove(info.Key);
                MoveOut(info);
            }
        }
    }

    public DateTimeOffset BackoffExpiry(QueuedPodInfo info)
    {
        var d = _initialBackoff;
        for (var i = 1; i < info.Attempts && d < _maxBackoff; i++) d *= 2;
        return info.Timestamp + (d > _maxBackoff ? _maxBackoff : d);
    }

    private void MoveOut(QueuedPodInfo info)
    {
        if (BackoffExpiry(info) > _time.GetUtcNow()) _backoff[info.Key] = info;
        else PushActive(info);
    }

    /// <summary>Runs PreEnqueue: a rejected pod goes to the unschedulable set, gated, and true is returned.</summary>
    private bool Gate(QueuedPodInfo info)
    {
        if (_preEnqueue == null)
        {
            info.GatingPlugin = null;
            return false;
        }
        var status = _preEnqueue(info.Pod);
        if (status.IsSuccess)
        {
            info.GatingPlugin = null;
            return false;
        }
        info.GatingPlugin = status.Plugin ?? "";
        info.UnschedulablePlugins.Clear();
        if (status.Plugin != null) info.UnschedulablePlugins.Add(status.Plugin);
        info.Timestamp = _time.GetUtcNow();
        _unschedulable[info.Key] = info;
        return true;
    }

    private void PushActiveOrGate(QueuedPodInfo info)
    {
        if (!Gate(info)) PushActive(info);
    }

    private void PushActive(QueuedPodInfo info)
    {
        info.Sequence = ++_sequence;
        _activeIndex[info.Key] = info;
        _active.Enqueue(info, info);
        _signal.Release();
    }

    private static string KeyOf(V1Pod pod) => pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name;

    private static bool SpecChanged(V1Pod a, V1Pod b) =>
        !System.Text.Json.Nodes.JsonNode.DeepEquals(
            ApiMachinery.Serialization.KubeJson.ToNode(a.Spec), ApiMachinery.Serialization.KubeJson.ToNode(b.Spec))
        || !Equals(a.Metadata.Labels?.Count, b.Metadata.Labels?.Count);
}
