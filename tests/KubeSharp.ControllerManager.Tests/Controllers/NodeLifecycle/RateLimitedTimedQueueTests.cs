using KubeSharp.ControllerManager.Controllers.NodeLifecycle;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeLifecycle;

public sealed class RateLimitedTimedQueueTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Rows: rate, seconds the queue is worked (one pass every 100 ms), nodes tainted out of 10 queued.</summary>
    [Theory]
    [InlineData(0.1, 0, 1)] // burst 1: the first node at once
    [InlineData(0.1, 9.9, 1)] // the next one only after 10 s
    [InlineData(0.1, 10, 2)]
    [InlineData(0.1, 35, 4)]
    [InlineData(1, 4.95, 5)]
    [InlineData(10, 0.5, 6)] // one per 100 ms pass
    [InlineData(0.01, 99, 1)] // the secondary rate: one node per 100 s
    [InlineData(0, 60, 0)] // stopped
    public async Task Taints_at_most_rate_nodes_a_second_with_burst_one(double qps, double seconds, int expected)
    {
        var queue = new RateLimitedTimedQueue(qps, _time);
        for (var i = 0; i < 10; i++) Assert.True(queue.Add($"n{i}", $"uid{i}"));
        var done = new List<string>();
        for (var t = 0.0; ; t += 0.1)
        {
            await queue.TryAsync(v =>
            {
                done.Add(v.Value);
                return Task.FromResult((true, TimeSpan.Zero));
            });
            if (t + 0.1 > seconds + 1e-9) break;
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
        Assert.Equal(expected, done.Count);
        Assert.Equal(Enumerable.Range(0, expected).Select(i => $"n{i}"), done);
    }

    [Fact]
    public async Task A_processed_node_is_not_queued_again_until_removed()
    {
        var queue = new RateLimitedTimedQueue(100, _time);
        Assert.True(queue.Add("n1", "u1"));
        Assert.False(queue.Add("n1", "u1"));
        await queue.TryAsync(_ => Task.FromResult((true, TimeSpan.Zero)));
        Assert.Equal(0, queue.Count);
        Assert.False(queue.Add("n1", "u1"));
        Assert.True(queue.Remove("n1"));
        Assert.True(queue.Add("n1", "u1"));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task A_failed_attempt_comes_back_after_its_wait()
    {
        var queue = new RateLimitedTimedQueue(100, _time);
        queue.Add("n1", "u1");
        var attempts = 0;
        Task<(bool, TimeSpan)> Fail(TimedValue _)
        {
            attempts++;
            return Task.FromResult((false, TimeSpan.FromSeconds(1)));
        }
        await queue.TryAsync(Fail);
        Assert.Equal(1, attempts);
        _time.Advance(TimeSpan.FromMilliseconds(900));
        await queue.TryAsync(Fail);
        Assert.Equal(1, attempts);
        _time.Advance(TimeSpan.FromMilliseconds(101));
        await queue.TryAsync(Fail);
        Assert.Equal(2, attempts);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task Swapping_the_limiter_changes_the_rate_and_zero_stops_it()
    {
        var queue = new RateLimitedTimedQueue(100, _time);
        for (var i = 0; i < 3; i++) queue.Add($"n{i}", "u");
        queue.SwapLimiter(0);
        Assert.Equal(0, queue.Qps);
        var done = 0;
        await queue.TryAsync(_ =>
        {
            done++;
            return Task.FromResult((true, TimeSpan.Zero));
        });
        Assert.Equal(0, done);
        queue.SwapLimiter(0.1);
        await queue.TryAsync(_ =>
        {
            done++;
            return Task.FromResult((true, TimeSpan.Zero));
        });
        Assert.Equal(1, done);
    }
}
