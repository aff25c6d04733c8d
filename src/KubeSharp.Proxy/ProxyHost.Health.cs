using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeSharp.Proxy.Health;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Proxy;

/// <summary>The proxy's health, metrics and health-check node ports.</summary>
public sealed partial class ProxyHost
{
    /// <summary>The EndpointSlice controller stamps the time of the change that caused a slice's update.</summary>
    private const string TriggerTimeAnnotation = ProxyInformerTransform.TriggerTimeAnnotation;
    private static readonly TimeSpan BindRetry = TimeSpan.FromSeconds(5);
    private readonly ProxierHealth _health;
    private readonly ProxyMetrics _metrics;
    private readonly ServiceHealthServer? _serviceHealth;
    private readonly ConcurrentQueue<DateTimeOffset> _triggerTimes = new();
    private MiniHttpServer? _healthzServer;
    private MiniHttpServer? _metricsServer;

    /// <summary>Where /healthz and /livez are served (null: not configured or not bound yet).</summary>
    public IPEndPoint? HealthzEndpoint => _healthzServer?.Endpoint;

    /// <summary>Where /metrics is served (null: not configured or not bound yet).</summary>
    public IPEndPoint? MetricsEndpoint => _metricsServer?.Endpoint;

    /// <summary>The health-check node ports served now.</summary>
    public IReadOnlyCollection<int> HealthCheckNodePorts => _serviceHealth?.Ports ?? [];

    public ProxyMetrics Metrics => _metrics;

    private void ServiceChanged()
    {
        _metrics.ServiceChanged();
        _health.QueuedUpdate();
        _runner.Request();
    }

    private void EndpointSliceChanged(V1EndpointSlice? slice)
    {
        _metrics.EndpointChanged();
        _health.QueuedUpdate();
        if (slice?.Metadata?.Annotations?.TryGetValue(TriggerTimeAnnotation, out var text) == true &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var trigger))
        {
            _triggerTimes.Enqueue(trigger);
        }
        _runner.Request();
    }

    private List<DateTimeOffset> TakeTriggerTimes()
    {
        var taken = new List<DateTimeOffset>();
        while (_triggerTimes.TryDequeue(out var t)) taken.Add(t);
        return taken;
    }

    private void Synced(TimeSpan duration, List<DateTimeOffset> triggers)
    {
        _health.Updated();
        _metrics.Synced(duration);
        var now = _options.Time.GetUtcNow();
        foreach (var t in triggers)
        {
            // A trigger time ahead of our clock (skew between machines) says nothing about latency.
            if (t <= now) _metrics.NetworkProgramming.Observe((now - t).TotalSeconds);
        }
    }

    private void SyncFailed(List<DateTimeOffset> triggers)
    {
        _metrics.SyncFailed();
        // The changes are not programmed yet: their latency is measured at the sync that succeeds.
        foreach (var t in triggers) _triggerTimes.Enqueue(t);
    }

    private void StartServers()
    {
        Serve(_options.HealthzBindAddress, 10256, "healthz", path => path switch
        {
            "/healthz" => _health.Healthz(),
            "/livez" => _health.Livez(),
            _ => HttpReply.Text(404, "404 page not found\n"),
        }, s => _healthzServer = s);
        Serve(_options.MetricsBindAddress, 10249, "metrics", path => path == "/metrics"
            ? new HttpReply(200, "text/plain; version=0.0.4; charset=utf-8", _metrics.Render())
            : HttpReply.Text(404, "404 page not found\n"), s => _metricsServer = s);
    }

    /// <summary>
    /// Binds now; if the address is taken (another proxy on this machine), logs and keeps trying in the background
    /// as upstream does, rather than failing the whole proxy over its probe port.
    /// </summary>
    private void Serve(string? address, int defaultPort, string what, Func<string, HttpReply> handler, Action<MiniHttpServer> bound)
    {
        if (string.IsNullOrEmpty(address)) return;
        var endpoint = IPAddress.TryParse(address, out var ip) ? new IPEndPoint(ip, defaultPort)
            : IPEndPoint.TryParse(address, out var ep) ? ep
            : throw new ArgumentException($"invalid {what} bind address \"{address}\" (want ip:port)");
        if (TryBind(endpoint, what, handler, bound)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                do await Task.Delay(BindRetry, _options.Time, _stop.Token);
                while (!TryBind(endpoint, what, handler, bound));
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        });
    }

    private bool TryBind(IPEndPoint endpoint, string what, Func<string, HttpReply> handler, Action<MiniHttpServer> bound)
    {
        try
        {
            var server = MiniHttpServer.Start(endpoint, handler);
            if (_stop.IsCancellationRequested)
            {
                // Bound by the retry loop while the proxy was stopping: nobody would close it.
                _ = server.DisposeAsync().AsTask();
                return true;
            }
            bound(server);
            LogServing(_logger, what, server.Endpoint.ToString());
            return true;
        }
        catch (SocketException e)
        {
            LogServeFailed(_logger, what, endpoint.ToString(), e.Message);
            return false;
        }
    }

    private async Task StopServersAsync()
    {
        if (_healthzServer != null) await _healthzServer.DisposeAsync();
        if (_metricsServer != null) await _metricsServer.DisposeAsync();
        if (_serviceHealth != null) await _serviceHealth.DisposeAsync();
    }

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Serving {What} on {Address}")]
    private static partial void LogServing(ILogger logger, string what, string address);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "Cannot serve {What} on {Address}, retrying every 5 s: {Error}")]
    private static partial void LogServeFailed(ILogger logger, string what, string address, string error);
}
