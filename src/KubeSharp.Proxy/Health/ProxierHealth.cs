using System.Globalization;

namespace KubeSharp.Proxy.Health;

/// <summary>
/// Upstream's proxier health: the proxy is healthy unless a change has waited longer than the timeout (2× the sync
/// period) for a sync to apply it, or the last successful sync itself is older than that (syncs stopped). A change
/// is queued at start, so a proxy that never manages its first sync turns unhealthy after the timeout too.
/// </summary>
public sealed class ProxierHealth
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private DateTimeOffset? _oldestPending;
    private DateTimeOffset? _lastUpdated;

    public ProxierHealth(TimeProvider time, TimeSpan timeout, string nodeName)
    {
        _time = time;
        Timeout = timeout;
        NodeName = nodeName;
        QueuedUpdate();
    }

    public TimeSpan Timeout { get; }
    public string NodeName { get; }

    /// <summary>A change arrived that the next sync must apply.</summary>
    public void QueuedUpdate()
    {
        lock (_lock) _oldestPending ??= _time.GetUtcNow();
    }

    /// <summary>A sync succeeded: every change queued before it is applied.</summary>
    public void Updated()
    {
        lock (_lock)
        {
            _lastUpdated = _time.GetUtcNow();
            _oldestPending = null;
        }
    }

    public bool IsHealthy() => Snapshot().Healthy;

    private (bool Healthy, DateTimeOffset? LastUpdated, DateTimeOffset Now) Snapshot()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var healthy = !(_oldestPending is { } pending && now - pending >= Timeout) && !(_lastUpdated is { } last && now - last >= Timeout);
            return (healthy, _lastUpdated, now);
        }
    }

    /// <summary>/healthz: upstream's JSON; nodeEligible is always true (the proxy does not watch its Node yet).</summary>
    public HttpReply Healthz() => Reply(includeNode: true);

    /// <summary>/livez: the proxy's own health only.</summary>
    public HttpReply Livez() => Reply(includeNode: false);

    private HttpReply Reply(bool includeNode)
    {
        var (healthy, last, now) = Snapshot();
        var body = JsonBody.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("lastUpdated", Format(last ?? DateTimeOffset.UnixEpoch));
            json.WriteString("currentTime", Format(now));
            if (includeNode)
            {
                json.WriteString("nodeName", NodeName);
                json.WriteBoolean("nodeEligible", true);
            }
            json.WriteEndObject();
        });
        return HttpReply.Json(healthy ? 200 : 503, body);
    }

    /// <summary>RFC 3339 in UTC, as Go's time.Time marshals.</summary>
    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
