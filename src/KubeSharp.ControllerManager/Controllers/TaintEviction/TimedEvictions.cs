namespace KubeSharp.ControllerManager.Controllers.TaintEviction;

/// <summary>
/// Evictions scheduled for later, one per pod key, on an injected clock (upstream's TimedWorkerQueue). A key whose
/// eviction ran stays known (without a timer) so it is not scheduled again until <see cref="Cancel"/> clears it: the
/// pod's deletion (or its node losing the taints) does that. Thread-safe.
/// </summary>
internal sealed class TimedEvictions(TimeProvider time, Action<string, DateTimeOffset> fire) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Scheduled?> _work = new(StringComparer.Ordinal);

    /// <summary>
    /// Schedules <paramref name="key"/> for <paramref name="fireAt"/> (at once when that has passed) unless it is
    /// scheduled or done already. <paramref name="createdAt"/> is when the pod started to be subject to eviction.
    /// </summary>
    public void Add(string key, DateTimeOffset createdAt, DateTimeOffset fireAt)
    {
        lock (_gate)
        {
            if (_work.ContainsKey(key)) return;
            var scheduled = new Scheduled(createdAt, fireAt);
            _work[key] = scheduled;
            var delay = fireAt - time.GetUtcNow();
            scheduled.Timer = time.CreateTimer(_ => Run(key, scheduled), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Cancels and forgets the key; true when an eviction was still pending (upstream then records a cancel event).</summary>
    public bool Cancel(string key)
    {
        lock (_gate)
        {
            if (!_work.Remove(key, out var scheduled)) return false;
            if (scheduled == null) return false;
            scheduled.Timer?.Dispose();
            return true;
        }
    }

    /// <summary>The pending eviction of the key, if any (its creation and fire times).</summary>
    public (DateTimeOffset CreatedAt, DateTimeOffset FireAt)? Pending(string key)
    {
        lock (_gate) return _work.GetValueOrDefault(key) is { } s ? (s.CreatedAt, s.FireAt) : null;
    }

    /// <summary>Keys with a pending eviction.</summary>
    public int PendingCount
    {
        get { lock (_gate) return _work.Values.Count(s => s != null); }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var s in _work.Values) s?.Timer?.Dispose();
            _work.Clear();
        }
    }

    private void Run(string key, Scheduled scheduled)
    {
        lock (_gate)
        {
            // Cancelled (or replaced) after the timer fired but before this ran.
            if (!_work.TryGetValue(key, out var current) || !ReferenceEquals(current, scheduled)) return;
            _work[key] = null;
            scheduled.Timer?.Dispose();
        }
        fire(key, scheduled.FireAt);
    }

    private sealed class Scheduled(DateTimeOffset createdAt, DateTimeOffset fireAt)
    {
        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset FireAt { get; } = fireAt;

        public ITimer? Timer { get; set; }
    }
}
