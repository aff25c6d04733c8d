using KubeSharp.ControllerManager.Controllers.TaintEviction;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.ControllerManager.Tests.Controllers.TaintEviction;

public sealed class TimedEvictionsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string> _fired = [];

    private TimedEvictions Create() => new(_time, (key, _) =>
    {
        lock (_fired) _fired.Add(key);
    });

    [Fact]
    public void Fires_at_its_time_once_and_a_fired_key_is_not_scheduled_again_until_cancelled()
    {
        using var evictions = Create();
        var now = _time.GetUtcNow();
        evictions.Add("ns/p", now, now + TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Empty(_fired);
        Assert.Equal(1, evictions.PendingCount);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["ns/p"], _fired);
        Assert.Equal(0, evictions.PendingCount);

        evictions.Add("ns/p", _time.GetUtcNow(), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(_fired);

        Assert.False(evictions.Cancel("ns/p")); // done: nothing pending, but forgotten
        evictions.Add("ns/p", _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _fired.Count);
    }

    [Fact]
    public void Cancelled_eviction_never_fires()
    {
        using var evictions = Create();
        var now = _time.GetUtcNow();
        evictions.Add("ns/p", now, now + TimeSpan.FromSeconds(5));
        Assert.Equal((now, now + TimeSpan.FromSeconds(5)), evictions.Pending("ns/p"));
        Assert.True(evictions.Cancel("ns/p"));
        Assert.Null(evictions.Pending("ns/p"));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(_fired);
    }

    [Fact]
    public void A_second_add_keeps_the_first_schedule()
    {
        using var evictions = Create();
        var now = _time.GetUtcNow();
        evictions.Add("ns/p", now, now + TimeSpan.FromSeconds(5));
        evictions.Add("ns/p", now, now + TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_fired);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Single(_fired);
    }
}
