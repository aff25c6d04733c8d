using System.Net;
using System.Net.Sockets;
using KubeSharp.Proxy.Model;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Proxy.Health;

/// <summary>
/// Upstream's service health server: for each LoadBalancer service with externalTrafficPolicy Local, HTTP on its
/// spec.healthCheckNodePort answers 200 while this node has ready endpoints of the service (and the proxy is
/// healthy), 503 otherwise, so a cloud load balancer sends traffic only to nodes that keep it local.
/// </summary>
public sealed partial class ServiceHealthServer(IPAddress bindAddress, ProxierHealth proxier, ILogger logger) : IAsyncDisposable
{
    private readonly Dictionary<int, (string Namespace, string Name, MiniHttpServer? Server)> _ports = [];
    private readonly Dictionary<(string, string), int> _localEndpoints = [];
    private readonly Lock _lock = new();

    /// <summary>The ports currently served.</summary>
    public IReadOnlyCollection<int> Ports
    {
        get
        {
            lock (_lock) return _ports.Where(p => p.Value.Server != null).Select(p => p.Key).ToList();
        }
    }

    /// <summary>Opens listeners for new health-check ports, closes those of services that are gone, updates counts.</summary>
    public async Task SyncAsync(IReadOnlyList<ServicePort> ports)
    {
        var desired = ports.Where(p => p.HealthCheckNodePort > 0)
            .GroupBy(p => (p.Namespace, p.Name))
            .ToDictionary(g => g.Key, g => (Port: g.First().HealthCheckNodePort,
                Local: g.SelectMany(p => p.Endpoints).Where(e => e.IsLocal && e.Ready).Select(e => e.Ip).Distinct().Count()));
        var close = new List<MiniHttpServer>();
        lock (_lock)
        {
            _localEndpoints.Clear();
            foreach (var (key, value) in desired) _localEndpoints[key] = value.Local;
            foreach (var (port, entry) in _ports.ToList())
            {
                if (desired.TryGetValue((entry.Namespace, entry.Name), out var d) && d.Port == port && entry.Server != null) continue;
                if (entry.Server != null) close.Add(entry.Server);
                _ports.Remove(port);
            }
            foreach (var ((ns, name), (port, _)) in desired)
            {
                if (_ports.ContainsKey(port)) continue;
                // A port that cannot be bound now (in use) is tried again at the next sync, as upstream does.
                _ports[port] = (ns, name, TryListen(ns, name, port));
            }
        }
        foreach (var server in close) await server.DisposeAsync();
    }

    private MiniHttpServer? TryListen(string ns, string name, int port)
    {
        try
        {
            var server = MiniHttpServer.Start(new IPEndPoint(bindAddress, port), _ => Answer(ns, name));
            LogServing(logger, ns, name, port);
            return server;
        }
        catch (SocketException e)
        {
            LogListenFailed(logger, ns, name, port, e.Message);
            return null;
        }
    }

    private HttpReply Answer(string ns, string name)
    {
        int count;
        lock (_lock) count = _localEndpoints.GetValueOrDefault((ns, name));
        var healthy = proxier.IsHealthy();
        var body = JsonBody.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("service");
            json.WriteString("namespace", ns);
            json.WriteString("name", name);
            json.WriteEndObject();
            json.WriteNumber("localEndpoints", count);
            json.WriteBoolean("serviceProxyHealthy", healthy);
            json.WriteEndObject();
        });
        return HttpReply.Json(count > 0 && healthy ? 200 : 503, body, new KeyValuePair<string, string>("X-Load-Balancing-Endpoint-Weight", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async ValueTask DisposeAsync()
    {
        List<MiniHttpServer> servers;
        lock (_lock)
        {
            servers = _ports.Values.Select(p => p.Server).OfType<MiniHttpServer>().ToList();
            _ports.Clear();
        }
        foreach (var server in servers) await server.DisposeAsync();
    }

    [LoggerMessage(EventId = 8020, Level = LogLevel.Information, Message = "Serving health checks of service {Namespace}/{Name} on port {Port}")]
    private static partial void LogServing(ILogger logger, string @namespace, string name, int port);

    [LoggerMessage(EventId = 8021, Level = LogLevel.Warning, Message = "Cannot serve health checks of service {Namespace}/{Name} on port {Port}: {Error}")]
    private static partial void LogListenFailed(ILogger logger, string @namespace, string name, int port, string error);
}
