using System.Net;
using KubeSharp.Proxy.Health;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Proxy.Tests.Health;

public sealed class MetricsTests
{
    [Fact]
    public void Histograms_and_counters_render_in_prometheus_text_format()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var metrics = new ProxyMetrics(time, ProxyMode.Nftables);
        metrics.ServiceChanged();
        metrics.EndpointChanged();
        metrics.EndpointChanged();
        metrics.Synced(TimeSpan.FromMilliseconds(3));
        metrics.NetworkProgramming.Observe(0.4);
        var lines = metrics.Render().Split('\n');
        Assert.Contains("# TYPE kubeproxy_sync_proxy_rules_duration_seconds histogram", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_duration_seconds_bucket{le=\"0.002\"} 0", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_duration_seconds_bucket{le=\"0.004\"} 1", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_duration_seconds_bucket{le=\"+Inf\"} 1", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_duration_seconds_count 1", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_duration_seconds_sum 0.003", lines);
        Assert.Contains("kubeproxy_network_programming_duration_seconds_bucket{le=\"0.25\"} 0", lines);
        Assert.Contains("kubeproxy_network_programming_duration_seconds_bucket{le=\"0.5\"} 1", lines);
        Assert.Contains("kubeproxy_network_programming_duration_seconds_bucket{le=\"300\"} 1", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_last_timestamp_seconds 1700000000", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_endpoint_changes_total 2", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_service_changes_total 1", lines);
        Assert.Contains("kubeproxy_sync_proxy_rules_nftables_sync_failures_total 0", lines);
    }

    [Fact]
    public async Task The_mini_server_answers_get_and_head_and_refuses_other_methods()
    {
        await using var server = MiniHttpServer.Start(new IPEndPoint(IPAddress.Loopback, 0),
            path => path == "/x" ? HttpReply.Json(200, "{\"a\":1}") : HttpReply.Text(404, "no\n"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://{server.Endpoint}") };
        var ok = await http.GetAsync("/x?verbose=1");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("{\"a\":1}", await ok.Content.ReadAsStringAsync());
        Assert.Equal("application/json", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], ok.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/y")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("/x", new StringContent(""))).StatusCode);
        var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/x"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(7, head.Content.Headers.ContentLength);
    }
}
