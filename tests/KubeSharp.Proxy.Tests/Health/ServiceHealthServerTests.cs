using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using KubeSharp.Proxy.Health;
using KubeSharp.Proxy.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Proxy.Tests.Health;

public sealed class ServiceHealthServerTests
{
    /// <summary>A port that is free now (bound to 0, then released).</summary>
    internal static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static ServicePort Lb(int healthPort, params Endpoint[] endpoints) => new()
    {
        Namespace = "shop", Name = "front", PortName = "", Protocol = "TCP", ClusterIP = "10.96.0.30", Port = 80,
        NodePort = 31000, ExternalPolicyLocal = true, HealthCheckNodePort = healthPort, Endpoints = endpoints,
    };

    [Fact]
    public async Task Health_check_port_reports_local_ready_endpoints_and_closes_with_the_service()
    {
        var health = new ProxierHealth(TimeProvider.System, TimeSpan.FromMinutes(1), "node-1");
        health.Updated();
        await using var server = new ServiceHealthServer(IPAddress.Loopback, health, NullLogger.Instance);
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await server.SyncAsync([Lb(port, new Endpoint("10.244.1.2", 8080, true, true, false, true), new Endpoint("10.244.1.3", 8080, true, true, false, true), new Endpoint("10.244.2.2", 8080, true, true, false, false))]);
        var ok = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadAsStringAsync();
        Assert.Equal("{\"service\":{\"namespace\":\"shop\",\"name\":\"front\"},\"localEndpoints\":2,\"serviceProxyHealthy\":true}", body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("shop", json.GetProperty("service").GetProperty("namespace").GetString());
        Assert.Equal("front", json.GetProperty("service").GetProperty("name").GetString());
        Assert.Equal(2, json.GetProperty("localEndpoints").GetInt32());
        Assert.True(json.GetProperty("serviceProxyHealthy").GetBoolean());

        // Only a remote endpoint, and a local one that is not ready: this node must not get the traffic.
        await server.SyncAsync([Lb(port, new Endpoint("10.244.1.2", 8080, false, false, false, true), new Endpoint("10.244.2.2", 8080, true, true, false, false))]);
        var unavailable = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await unavailable.Content.ReadAsStringAsync()).RootElement.GetProperty("localEndpoints").GetInt32());
        Assert.Equal([port], server.Ports);

        await server.SyncAsync([]);
        Assert.Empty(server.Ports);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/"));
    }
}
