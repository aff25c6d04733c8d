using KubeSharp.Cli;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.ApiServer.Tests.Cli;

public sealed class MemoryTrimTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void Trims_only_when_more_than_the_threshold_is_committed_beyond_the_heap()
    {
        var time = new FakeTimeProvider();
        (long, long) gc = (10 * MiB, 8 * MiB);
        var collections = 0;
        using var trim = new MemoryTrim(time, () => gc, () => collections++);

        time.Advance(MemoryTrim.Period);
        Assert.Equal(0, collections); // 2 MiB spare: the first generation's budget, nothing to give back

        gc = (18 * MiB, 6 * MiB);
        time.Advance(MemoryTrim.Period);
        Assert.Equal(1, collections);
        Assert.Equal(1, trim.Trims);
    }

    [Fact]
    public void Trims_at_most_once_per_interval_however_much_is_spare()
    {
        var time = new FakeTimeProvider();
        (long, long) gc = (40 * MiB, 6 * MiB);
        var collections = 0;
        using var trim = new MemoryTrim(time, () => gc, () => { collections++; gc = (8 * MiB, 6 * MiB); });

        time.Advance(MemoryTrim.Period);
        Assert.Equal(1, collections);
        for (var t = MemoryTrim.Period; t < MemoryTrim.MinInterval; t += MemoryTrim.Period)
        {
            gc = (40 * MiB, 6 * MiB); // bursts keep growing it again
            time.Advance(MemoryTrim.Period);
        }
        Assert.Equal(1, collections);
        time.Advance(MemoryTrim.Period);
        Assert.Equal(2, collections);
    }

    [Fact]
    public void What_a_trim_cannot_give_back_does_not_trigger_the_next_one()
    {
        var time = new FakeTimeProvider();
        (long, long) gc = (20 * MiB, 6 * MiB);
        var collections = 0;
        // The collection leaves 5 MiB committed beyond the heap (the GC's bookkeeping): trimming again for it would
        // cost a full collection every minute at rest for nothing.
        using var trim = new MemoryTrim(time, () => gc, () => { collections++; gc = (11 * MiB, 6 * MiB); });

        time.Advance(MemoryTrim.Period);
        Assert.Equal(1, collections);
        time.Advance(MemoryTrim.MinInterval * 3);
        Assert.Equal(1, collections);

        gc = (24 * MiB, 6 * MiB); // a new burst: 13 MiB more than the trim left
        time.Advance(MemoryTrim.Period);
        Assert.Equal(2, collections);
    }

    [Fact]
    public void An_aggressive_collection_gives_committed_memory_back()
    {
        // The real collection the trim runs: after garbage that grew the heap, committed memory must shrink.
        var garbage = new List<byte[]>();
        for (var i = 0; i < 2000; i++) garbage.Add(new byte[16 * 1024]);
        garbage.Clear();
        GC.Collect(0);
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Assert.True(after < before, $"committed {before} → {after} bytes");
    }
}
