using KubeSharp.Client.Queues;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Client.Tests.Queues;

public sealed class DelayingQueueTests
{
    [Fact]
    public void AddAfterQueuesOnlyOnceTheDelayHasPassed()
    {
        var time = new FakeTimeProvider();
        var q = new DelayingQueue<string>(time);
        q.AddAfter("a", TimeSpan.FromSeconds(10));
        q.AddAfter("b", TimeSpan.FromSeconds(5));
        Assert.Equal(0, q.Count);
        Assert.Equal(2, q.WaitingCount);

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(0, q.Count);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, q.Count);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, q.Count);
        Assert.Equal(0, q.WaitingCount);
    }

    [Fact]
    public async Task EarlierReadyTimeWinsForAnItemAlreadyWaiting()
    {
        var time = new FakeTimeProvider();
        var q = new DelayingQueue<string>(time);
        q.AddAfter("a", TimeSpan.FromSeconds(10));
        q.AddAfter("a", TimeSpan.FromSeconds(2));
        q.AddAfter("a", TimeSpan.FromSeconds(30));
        Assert.Equal(1, q.WaitingCount);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, q.Count);
        Assert.Equal(("a", false), await q.GetAsync());
        q.Done("a");
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public void ZeroDelayAddsAtOnce()
    {
        var q = new DelayingQueue<string>(new FakeTimeProvider());
        q.AddAfter("a", TimeSpan.Zero);
        Assert.Equal(1, q.Count);
    }

    [Fact]
    public void ShutDownDropsWaitingItems()
    {
        var time = new FakeTimeProvider();
        var q = new DelayingQueue<string>(time);
        q.AddAfter("a", TimeSpan.FromSeconds(1));
        q.ShutDown();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, q.Count);
    }
}
