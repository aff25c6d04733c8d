using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Tests.Pods;

public sealed class BackoffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Doubles_to_the_cap_and_starts_over_after_twice_the_cap_without_failures()
    {
        var backoff = Backoff.ForContainers();
        Assert.False(backoff.IsInBackOffSince("k", T0, T0));
        var delays = new List<double>();
        var t = T0;
        for (var i = 0; i < 8; i++)
        {
            delays.Add(backoff.Next("k", t).TotalSeconds);
            t += TimeSpan.FromSeconds(1);
        }
        Assert.Equal([10, 20, 40, 80, 160, 300, 300, 300], delays);
        Assert.True(backoff.IsInBackOffSince("k", t, t + TimeSpan.FromSeconds(299)));
        Assert.False(backoff.IsInBackOffSince("k", t, t + TimeSpan.FromSeconds(300)));
        // A failure more than 10 minutes after the last one counts as the first.
        var later = t + TimeSpan.FromMinutes(11);
        Assert.False(backoff.IsInBackOffSince("k", later, later));
        Assert.Equal(10, backoff.Next("k", later).TotalSeconds);
    }

    [Theory]
    [InlineData(10, "10s")]
    [InlineData(80, "1m20s")]
    [InlineData(300, "5m0s")]
    [InlineData(3725, "1h2m5s")]
    public void Durations_print_like_go(int seconds, string text) => Assert.Equal(text, PodSyncer.GoDuration(TimeSpan.FromSeconds(seconds)));
}
