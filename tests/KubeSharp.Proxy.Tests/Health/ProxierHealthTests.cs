using System.Text.Json;
using KubeSharp.Proxy.Health;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Proxy.Tests.Health;

public sealed class ProxierHealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // 2 × a 30 s sync period

    [Fact]
    public void A_proxy_that_never_syncs_turns_unhealthy_after_the_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05Z"));
        var health = new ProxierHealth(time, Timeout, "node-1");
        Assert.True(health.IsHealthy());
        time.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.True(health.IsHealthy());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(health.IsHealthy());
        Assert.Equal(503, health.Healthz().Status);
        health.Updated();
        Assert.Equal(200, health.Healthz().Status);
    }

    [Fact]
    public void A_change_waiting_longer_than_the_timeout_makes_it_unhealthy()
    {
        var time = new FakeTimeProvider();
        var health = new ProxierHealth(time, Timeout, "node-1");
        health.Updated();
        time.Advance(TimeSpan.FromSeconds(10));
        health.QueuedUpdate();
        time.Advance(TimeSpan.FromSeconds(40));
        health.QueuedUpdate(); // a later change does not reset the oldest one
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(health.IsHealthy());
        health.Updated();
        Assert.True(health.IsHealthy());
    }

    [Fact]
    public void Syncs_that_stop_make_it_unhealthy_even_without_changes()
    {
        var time = new FakeTimeProvider();
        var health = new ProxierHealth(time, Timeout, "node-1");
        health.Updated();
        time.Advance(Timeout);
        Assert.False(health.IsHealthy());
    }

    [Fact]
    public void Healthz_answers_upstream_json_and_livez_leaves_out_the_node()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05Z"));
        var health = new ProxierHealth(time, Timeout, "node-7");
        time.Advance(TimeSpan.FromMilliseconds(1500));
        health.Updated();
        time.Advance(TimeSpan.FromSeconds(2));
        var reply = health.Healthz();
        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        var json = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal("2026-01-02T03:04:06.5Z", json.GetProperty("lastUpdated").GetString());
        Assert.Equal("2026-01-02T03:04:08.5Z", json.GetProperty("currentTime").GetString());
        Assert.Equal("node-7", json.GetProperty("nodeName").GetString());
        Assert.True(json.GetProperty("nodeEligible").GetBoolean());
        var live = JsonDocument.Parse(health.Livez().Body).RootElement;
        Assert.False(live.TryGetProperty("nodeName", out _));
        Assert.Equal("2026-01-02T03:04:06.5Z", live.GetProperty("lastUpdated").GetString());
    }

    /// <summary>The exact bodies, so the writer can change without the bytes changing.</summary>
    [Fact]
    public void Healthz_and_livez_bodies_are_pinned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05Z"));
        var health = new ProxierHealth(time, Timeout, "node-7");
        time.Advance(TimeSpan.FromMilliseconds(1500));
        health.Updated();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("{\"lastUpdated\":\"2026-01-02T03:04:06.5Z\",\"currentTime\":\"2026-01-02T03:04:08.5Z\",\"nodeName\":\"node-7\",\"nodeEligible\":true}", health.Healthz().Body);
        Assert.Equal("{\"lastUpdated\":\"2026-01-02T03:04:06.5Z\",\"currentTime\":\"2026-01-02T03:04:08.5Z\"}", health.Livez().Body);

        // Never synced and past the timeout: the Unix epoch stands for "never", and the status is 503.
        var stuck = new ProxierHealth(time, Timeout, "node-<8>");
        time.Advance(Timeout);
        var reply = stuck.Healthz();
        Assert.Equal(503, reply.Status);
        Assert.Equal("{\"lastUpdated\":\"1970-01-01T00:00:00Z\",\"currentTime\":\"2026-01-02T03:05:08.5Z\",\"nodeName\":\"node-\\u003C8\\u003E\",\"nodeEligible\":true}", reply.Body);
    }
}
