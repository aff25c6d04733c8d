using KubeSharp.Client.Rest;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Client.Tests.Rest;

public sealed class ClientRateLimitTests
{
    [Fact]
    public void BurstIsFreeThenRequestsAreSpacedByOneOverQps()
    {
        var time = new FakeTimeProvider();
        using var limiter = new ClientRateLimitHandler(5, 2, time, new HttpClientHandler());
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(200), limiter.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(400), limiter.Reserve());
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
    }
}
