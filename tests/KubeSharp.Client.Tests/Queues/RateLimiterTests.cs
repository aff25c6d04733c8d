using KubeSharp.Client.Queues;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Client.Tests.Queues;

public sealed class RateLimiterTests
{
    [Fact]
    public void ItemBackoffDoublesFromFiveMillisecondsToTheCap()
    {
        var l = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        Assert.Equal(TimeSpan.FromMilliseconds(5), l.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), l.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(20), l.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), l.When("b"));
        Assert.Equal(3, l.NumRequeues("a"));
        for (var i = 0; i < 100; i++) l.When("a");
        Assert.Equal(TimeSpan.FromSeconds(1000), l.When("a"));
        l.Forget("a");
        Assert.Equal(0, l.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), l.When("a"));
    }

    [Fact]
    public void BucketAllowsTheBurstThenSpacesBy1OverQps()
    {
        var time = new FakeTimeProvider();
        var l = new BucketRateLimiter<string>(10, 100, time);
        for (var i = 0; i < 100; i++) Assert.Equal(TimeSpan.Zero, l.When("x" + i));
        Assert.Equal(TimeSpan.FromMilliseconds(100), l.When("y"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), l.When("z"));
        time.Advance(TimeSpan.FromSeconds(1));
        // 10 tokens came back, 2 were already reserved.
        for (var i = 0; i < 8; i++) Assert.Equal(TimeSpan.Zero, l.When("w" + i));
        Assert.Equal(TimeSpan.FromMilliseconds(100), l.When("v"));
    }

    [Fact]
    public void DefaultTakesTheLongerOfItemBackoffAndBucket()
    {
        var time = new FakeTimeProvider();
        var l = RateLimiters.Default<string>(time);
        Assert.Equal(TimeSpan.FromMilliseconds(5), l.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), l.When("a"));
        for (var i = 0; i < 98; i++) l.When("k" + i);
        // The bucket is empty now: its 100 ms beats a fresh item's 5 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(100), l.When("fresh"));
        Assert.Equal(2, l.NumRequeues("a"));
    }

    [Fact]
    public async Task RateLimitedItemsComeBackAfterTheirBackoffOnTheFakeClock()
    {
        var time = new FakeTimeProvider();
        var q = new RateLimitingQueue<string>(time);
        q.AddRateLimited("a");
        Assert.Equal(0, q.Count);
        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, q.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, q.Count);

        var (item, _) = await q.GetAsync();
        q.AddRateLimited(item); // second failure: 10 ms
        q.Done(item);
        time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(0, q.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, q.Count);
        Assert.Equal(2, q.NumRequeues("a"));

        q.Forget("a");
        Assert.Equal(0, q.NumRequeues("a"));
    }
}
