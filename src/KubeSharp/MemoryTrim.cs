namespace KubeSharp.Cli;

/// <summary>
/// Gives the GC's spare memory back to the system after bursts of work, for the long-running node roles. After a
/// burst of pod starts the GC keeps the regions it grew into (18 MB committed for 6 MB of live objects after three
/// 30-pod bursts), and with little allocation at rest it does not shrink on its own; RSS is what the node is judged
/// by (≤ 60 MB with 100 pods). Every <see cref="Period"/>, when the memory committed beyond the heap has grown by more
/// than <see cref="SpareThreshold"/> over what the last trim left (the GC's own bookkeeping stays committed), one
/// aggressive collection (which decommits free regions) runs, at most once per <see cref="MinInterval"/>: a few
/// milliseconds for a heap this small, and none at rest.
/// </summary>
public sealed class MemoryTrim : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public const long SpareThreshold = 6L << 20;

    private readonly TimeProvider _time;
    private readonly Func<(long Committed, long Heap)> _measure;
    private readonly Action _collect;
    private readonly ITimer _timer;
    private long? _lastTrim;
    private long _spareAfterTrim;

    public MemoryTrim(TimeProvider time, Func<(long Committed, long Heap)> measure, Action collect)
    {
        _time = time;
        _measure = measure;
        _collect = collect;
        _timer = time.CreateTimer(_ => Tick(), null, Period, Period);
    }

    /// <summary>The trim for this process's GC.</summary>
    public static MemoryTrim Start() => new(TimeProvider.System, Measure,
        () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));

    /// <summary>How many trims ran (for tests and diagnostics).</summary>
    public int Trims { get; private set; }

    internal void Tick()
    {
        var now = _time.GetTimestamp();
        if (_lastTrim is { } last && _time.GetElapsedTime(last, now) < MinInterval) return;
        var (committed, heap) = _measure();
        if (committed - heap - _spareAfterTrim <= SpareThreshold) return;
        _collect();
        (committed, heap) = _measure();
        _spareAfterTrim = Math.Max(0, committed - heap);
        _lastTrim = now;
        Trims++;
    }

    private static (long, long) Measure()
    {
        var info = GC.GetGCMemoryInfo();
        return (info.TotalCommittedBytes, info.HeapSizeBytes);
    }

    public void Dispose() => _timer.Dispose();
}
