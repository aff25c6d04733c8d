using KubeSharp.Kubelet.Eviction;

namespace KubeSharp.Kubelet.Tests.Eviction;

public sealed class ThresholdParserTests
{
    [Fact]
    public void Defaults_are_upstreams_hard_thresholds()
    {
        var policy = new EvictionPolicy();
        Assert.Equal(
            ["memory.available<104857600", "nodefs.available<10%", "nodefs.inodesFree<5%", "imagefs.available<15%", "imagefs.inodesFree<5%"],
            policy.Thresholds.Select(t => t.ToString()).ToArray());
        Assert.All(policy.Thresholds, t => Assert.True(t.IsHard));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.PressureTransitionPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.MonitoringInterval);
        Assert.Equal(policy.Thresholds, EvictionPolicy.Parse(null).Thresholds);
    }

    [Theory]
    [InlineData("memory.available<100Mi", "memory.available", 104857600L, null)]
    [InlineData("memory.available<1Gi", "memory.available", 1073741824L, null)]
    [InlineData("memory.available<500M", "memory.available", 500000000L, null)]
    [InlineData("nodefs.available<10%", "nodefs.available", null, 0.10)]
    [InlineData(" nodefs.available < 99.9% ", "nodefs.available", null, 0.999)]
    [InlineData("imagefs.available<15%", "imagefs.available", null, 0.15)]
    [InlineData("nodefs.inodesFree<5%", "nodefs.inodesFree", null, 0.05)]
    [InlineData("imagefs.inodesFree<1000", "imagefs.inodesFree", 1000L, null)]
    [InlineData("pid.available<10%", "pid.available", null, 0.10)]
    public void A_hard_threshold_parses_to_a_quantity_or_a_percentage(string flag, string signal, long? quantity, double? percentage)
    {
        var t = Assert.Single(EvictionPolicy.Parse(flag).Thresholds);
        Assert.Equal(signal, t.Signal);
        Assert.Equal(quantity, t.Value.Quantity);
        if (percentage is { } p) Assert.Equal(p, t.Value.Percentage!.Value, 9);
        else Assert.Null(t.Value.Percentage);
        Assert.True(t.IsHard);
    }

    [Fact]
    public void Eviction_hard_replaces_the_whole_default_set_and_0_or_100_percent_switch_a_signal_off()
    {
        var policy = EvictionPolicy.Parse("memory.available<200Mi,nodefs.available<0%,imagefs.available<100%");
        var t = Assert.Single(policy.Thresholds);
        Assert.Equal(("memory.available", 200L << 20), (t.Signal, t.Value.Quantity!.Value));
        Assert.Null(policy.Hard(EvictionSignals.NodeFsAvailable));
    }

    [Theory]
    [InlineData("memory.free<100Mi", "unsupported eviction signal memory.free")]
    [InlineData("memory.available>100Mi", "expected <signal><<value>")]
    [InlineData("memory.available<abc", "invalid quantity \"abc\" for memory.available")]
    [InlineData("memory.available<0", "must be positive")]
    [InlineData("memory.available<-5Mi", "must be positive")]
    [InlineData("nodefs.available<120%", "must be between 0% and 100%")]
    [InlineData("nodefs.available<10%,nodefs.available<20%", "duplicate eviction threshold for signal nodefs.available")]
    public void Bad_hard_thresholds_are_rejected(string flag, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => EvictionPolicy.Parse(flag));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Soft_thresholds_need_a_grace_period_and_get_it()
    {
        var policy = EvictionPolicy.Parse(null, "memory.available<1Gi,nodefs.available<20%", "memory.available=1m30s,nodefs.available=2m", null, "30s", 60);
        var soft = policy.Thresholds.Where(t => !t.IsHard).ToDictionary(t => t.Signal);
        Assert.Equal(TimeSpan.FromSeconds(90), soft["memory.available"].GracePeriod);
        Assert.Equal(TimeSpan.FromMinutes(2), soft["nodefs.available"].GracePeriod);
        Assert.Equal(5, policy.Thresholds.Count(t => t.IsHard));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.PressureTransitionPeriod);
        Assert.Equal(60, policy.MaxPodGracePeriodSeconds);

        var e = Assert.Throws<ArgumentException>(() => EvictionPolicy.Parse(null, "memory.available<1Gi", "nodefs.available=1m"));
        Assert.Equal("grace period must be specified for the soft eviction threshold memory.available", e.Message);
    }

    [Theory]
    [InlineData("memory.available=0Mi", "memory.available", 0L, null)]
    [InlineData("nodefs.available=500Mi", "nodefs.available", 524288000L, null)]
    [InlineData("imagefs.available=2%", "imagefs.available", null, 0.02)]
    public void Minimum_reclaim_attaches_to_the_signals_threshold(string flag, string signal, long? quantity, double? percentage)
    {
        var policy = EvictionPolicy.Parse(null, minimumReclaim: flag);
        var reclaim = policy.Thresholds.Single(t => t.Signal == signal).MinReclaim!.Value;
        Assert.Equal(quantity, reclaim.Quantity);
        if (percentage is { } p) Assert.Equal(p, reclaim.Percentage!.Value, 9);
        Assert.All(policy.Thresholds.Where(t => t.Signal != signal), t => Assert.Null(t.MinReclaim));
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("1m30s", 90)]
    [InlineData("90s", 90)]
    [InlineData("1h", 3600)]
    [InlineData("1.5s", 1.5)]
    [InlineData("0", 0)]
    public void Durations_use_gos_syntax(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ThresholdParser.ParseDuration(text));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 m")]
    [InlineData("m5")]
    public void Bad_durations_are_rejected(string text) => Assert.Throws<ArgumentException>(() => ThresholdParser.ParseDuration(text));

    [Theory]
    [InlineData(104857600L, "100Mi")]
    [InlineData(83886080L, "80Mi")]
    [InlineData(1073741824L, "1Gi")]
    [InlineData(1536L, "1536")]
    [InlineData(1048576000L, "1000Mi")]
    [InlineData(1234567L, "1234567")]
    [InlineData(5000000L, "5M")]
    [InlineData(512L, "512")]
    [InlineData(0L, "0")]
    public void Quantities_print_as_go_prints_binary_si(long bytes, string expected)
    {
        // 1536 = 1.5Ki: Go falls back to the decimal form when the binary one is not exact.
        Assert.Equal(expected, EvictionMessages.Quantity(bytes));
    }
}
