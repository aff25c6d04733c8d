using System.Text;

namespace KubeSharp.Proxy.Health;

/// <summary>
/// The proxy's metrics under upstream's names (the kubeproxy subsystem), served as Prometheus text on /metrics.
/// Bucket bounds are upstream's, so dashboards built for kube-proxy read these unchanged.
/// </summary>
public sealed class ProxyMetrics(TimeProvider time, ProxyMode mode)
{
    private long _endpointChanges;
    private long _serviceChanges;
    private long _syncFailures;
    private double _lastSync;
    private double _lastQueued;

    /// <summary>kubeproxy_sync_proxy_rules_duration_seconds: 1 ms … ~16 s.</summary>
    public Histogram SyncDuration { get; } = new("kubeproxy_sync_proxy_rules_duration_seconds", "SyncProxyRules latency in seconds", Histogram.Exponential(0.001, 2, 15));

    /// <summary>kubeproxy_network_programming_duration_seconds: from an endpoint change (the EndpointSlice's trigger time) to rules that apply it.</summary>
    public Histogram NetworkProgramming { get; } = new("kubeproxy_network_programming_duration_seconds", "In Cluster Network Programming Latency in seconds",
        [.. Histogram.Linear(0.25, 0.25, 2), .. Histogram.Linear(1, 1, 59), .. Histogram.Linear(60, 5, 12), .. Histogram.Linear(120, 30, 7)]);

    public long EndpointChanges => Interlocked.Read(ref _endpointChanges);
    public long ServiceChanges => Interlocked.Read(ref _serviceChanges);

    public void EndpointChanged()
    {
        Interlocked.Increment(ref _endpointChanges);
        Queued();
    }

    public void ServiceChanged()
    {
        Interlocked.Increment(ref _serviceChanges);
        Queued();
    }

    public void SyncFailed() => Interlocked.Increment(ref _syncFailures);

    public void Synced(TimeSpan duration)
    {
        SyncDuration.Observe(duration.TotalSeconds);
        Volatile.Write(ref _lastSync, Now());
    }

    private void Queued() => Volatile.Write(ref _lastQueued, Now());

    private double Now() => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    public string Render()
    {
        var sb = new StringBuilder();
        SyncDuration.WriteTo(sb);
        NetworkProgramming.WriteTo(sb);
        Scalar(sb, "kubeproxy_sync_proxy_rules_last_timestamp_seconds", "gauge", "The last time proxy rules were successfully synced", Volatile.Read(ref _lastSync));
        Scalar(sb, "kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds", "gauge", "The last time a sync of proxy rules was queued", Volatile.Read(ref _lastQueued));
        Scalar(sb, "kubeproxy_sync_proxy_rules_endpoint_changes_total", "counter", "Cumulative proxy rules Endpoint changes", EndpointChanges);
        Scalar(sb, "kubeproxy_sync_proxy_rules_service_changes_total", "counter", "Cumulative proxy rules Service changes", ServiceChanges);
        var failures = mode == ProxyMode.Nftables ? "kubeproxy_sync_proxy_rules_nftables_sync_failures_total" : "kubeproxy_sync_proxy_rules_iptables_restore_failures_total";
        Scalar(sb, failures, "counter", "Cumulative proxy rules update failures", Interlocked.Read(ref _syncFailures));
        return sb.ToString();
    }

    private static void Scalar(StringBuilder sb, string name, string type, string help, double value)
    {
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        sb.Append(name).Append(' ').Append(Metrics.Number(value)).Append('\n');
    }
}
