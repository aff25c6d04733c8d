using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Dns.Tests;

/// <summary>The DNS component against a real in-process API server, queried over real UDP and TCP on loopback.</summary>
public sealed class DnsHostTests : IAsyncLifetime
{
    private readonly ApiServerFixture _api = new();
    private UdpClient _upstream = null!;
    private DnsHost _dns = null!;
    private readonly CancellationTokenSource _stop = new();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        // A stand-in for the node's resolver, on loopback: answers every query with one A record 192.0.2.1.
        _upstream = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var r = await _upstream.ReceiveAsync(_stop.Token);
                    var q = r.Buffer;
                    var answer = new List<byte>(q) { 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1 };
                    answer[2] = 0x81;
                    answer[3] = 0x80;
                    answer[7] = 1;
                    await _upstream.SendAsync(answer.ToArray(), r.RemoteEndPoint, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        _dns = await DnsHost.StartAsync(new DnsOptions
        {
            KubeconfigPath = _api.KubeconfigPath,
            BindAddress = IPAddress.Loopback,
            Port = 0,
            Upstreams = [(IPEndPoint)_upstream.Client.LocalEndPoint!],
            ServiceIp = "10.96.0.10",
            // Only written into the kube-dns EndpointSlice (which, as upstream, refuses loopback addresses); the
            // tests query the server directly on loopback.
            AdvertiseAddress = "192.0.2.53",
        }, NullLoggerFactory.Instance, CancellationToken.None);
    }

    private KubeClient Client => _api.Client;

    [Fact]
    public async Task Services_resolve_over_udp_and_tcp_and_other_names_are_forwarded()
    {
        await Client.For<V1Service>().CreateAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
            Spec = new V1ServiceSpec { ClusterIP = "10.96.0.77", Ports = [new V1ServicePort { Name = "http", Port = 80 }] },
        });
        var a = await Eventually.ValueAsync(() => DnsTestClient.UdpAsync(_dns.Port, "web.default.svc.cluster.local", 1), x => x.Records.Count > 0, "the service's A record");
        Assert.Equal(0, a.Rcode);
        Assert.True(a.Authoritative);
        Assert.Equal(("web.default.svc.cluster.local.", 1, "10.96.0.77"), a.Records.Single());

        var tcp = await DnsTestClient.TcpAsync(_dns.Port, "_http._tcp.web.default.svc.cluster.local", 33);
        Assert.Equal("0 100 80 web.default.svc.cluster.local.", tcp.Records.Single().Data);

        var missing = await DnsTestClient.UdpAsync(_dns.Port, "nope.default.svc.cluster.local", 1);
        Assert.Equal(3, missing.Rcode);
        Assert.Equal(1, missing.AuthorityCount);

        var forwarded = await DnsTestClient.UdpAsync(_dns.Port, "example.org", 1);
        Assert.Equal("192.0.2.1", forwarded.Records.Single().Data);
    }

    [Fact]
    public async Task A_big_headless_answer_is_truncated_over_udp_and_complete_over_tcp()
    {
        await Client.For<V1Service>().CreateAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "many", NamespaceProperty = "default" },
            Spec = new V1ServiceSpec { ClusterIP = "None", Ports = [new V1ServicePort { Name = "http", Port = 80 }] },
        });
        await Client.For<V1EndpointSlice>().CreateAsync(new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta { Name = "many-a", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "many" } },
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }],
            Endpoints = Enumerable.Range(1, 60).Select(i => new V1Endpoint { Addresses = [$"10.244.9.{i}"], Conditions = new V1EndpointConditions { Ready = true } }).ToList(),
        });
        var tcp = await Eventually.ValueAsync(() => DnsTestClient.TcpAsync(_dns.Port, "many.default.svc.cluster.local", 1), x => x.Records.Count == 60, "60 endpoint addresses over TCP");
        Assert.Equal(60, tcp.Records.Count);
        var udp = await DnsTestClient.UdpAsync(_dns.Port, "many.default.svc.cluster.local", 1);
        Assert.True(udp.Truncated);
        Assert.Empty(udp.Records);
    }

    [Fact]
    public async Task The_kube_dns_service_points_at_this_server()
    {
        var svc = await Client.For<V1Service>().GetAsync("kube-system", "kube-dns");
        Assert.Equal("10.96.0.10", svc.Spec.ClusterIP);
        Assert.Equal(["dns", "dns-tcp"], svc.Spec.Ports.Select(p => p.Name));
        var slice = await Client.For<V1EndpointSlice>().GetAsync("kube-system", "kube-dns-kubesharp");
        Assert.Equal("192.0.2.53", slice.Endpoints.Single().Addresses.Single());
        Assert.All(slice.Ports, p => Assert.Equal(_dns.Port, p.Port));
    }

    [Fact]
    public async Task Garbage_does_not_stop_the_server()
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await udp.SendAsync(new byte[] { 1, 2, 3 }, new IPEndPoint(IPAddress.Loopback, _dns.Port));
        await udp.SendAsync(new byte[40], new IPEndPoint(IPAddress.Loopback, _dns.Port));
        var a = await DnsTestClient.UdpAsync(_dns.Port, "10-1-2-3.default.pod.cluster.local", 1);
        Assert.Equal("10.1.2.3", a.Records.Single().Data);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _dns.DisposeAsync();
        _upstream.Dispose();
        await _api.DisposeAsync();
    }
}
