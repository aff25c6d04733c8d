using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Dns;

/// <summary>
/// The cluster DNS component: informers over Services and EndpointSlices feed the resolver; a UDP+TCP server
/// answers. Optionally keeps the kube-system/kube-dns Service (selectorless, at the configured cluster IP) and its
/// EndpointSlice pointing at this server, so pods reach it through the service proxy like CoreDNS.
/// </summary>
public sealed partial class DnsHost : IAsyncDisposable, IClusterView
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";
    private const string ByService = "by-service";
    private const string ByClusterIp = "by-cluster-ip";
    private readonly KubeClient _client;
    private readonly SharedInformerFactory _informers;
    private readonly ILogger _logger;
    private DnsServer? _server;

    private DnsHost(DnsOptions options, ILoggerFactory loggerFactory)
    {
        Options = options;
        _logger = loggerFactory.CreateLogger("cluster-dns");
        _client = new KubeClient(ClientConfig.FromKubeconfig(options.KubeconfigPath) with { UserAgent = "kubesharp-dns/v1.32" });
        _informers = new SharedInformerFactory(_client, new InformerOptions(), TimeProvider.System, loggerFactory);
        var slices = _informers.InformerFor<V1EndpointSlice>();
        slices.AddIndex(ByService, s => s.Metadata.Labels?.TryGetValue(ServiceNameLabel, out var svc) == true ? [$"{s.Metadata.NamespaceProperty}/{svc}"] : []);
        var services = _informers.InformerFor<V1Service>();
        services.AddIndex(ByClusterIp, s => s.Spec?.ClusterIP is { Length: > 0 } ip && ip != "None" ? [ip] : []);
    }

    public DnsOptions Options { get; }

    /// <summary>The port actually bound.</summary>
    public int Port => _server?.Port ?? 0;

    public static async Task<DnsHost> StartAsync(DnsOptions options, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var host = new DnsHost(options, loggerFactory);
        host._informers.Start();
        await host._informers.WaitForCacheSyncAsync(ct);
        var upstreams = options.Upstreams.Count > 0 ? options.Upstreams : Forwarder.FromResolvConf(options.ResolvConf);
        var resolver = new ClusterDnsResolver(host, options.ClusterDomain);
        host._server = new DnsServer(options.BindAddress, options.Port, resolver, new Forwarder(upstreams, options.UpstreamTimeout), host._logger);
        if (options.ServiceIp != null) await host.EnsureServiceAsync(ct);
        LogStarted(host._logger, options.BindAddress.ToString(), host.Port, options.ClusterDomain, string.Join(",", upstreams));
        return host;
    }

    public V1Service? Service(string ns, string name) => _informers.ListerFor<V1Service>().Get(ns, name);

    public IEnumerable<V1EndpointSlice> Slices(string ns, string service) =>
        _informers.ListerFor<V1EndpointSlice>().ByIndex(ByService, $"{ns}/{service}");

    public V1Service? ServiceByClusterIp(string ip) => _informers.ListerFor<V1Service>().ByIndex(ByClusterIp, ip).FirstOrDefault();

    /// <summary>kube-dns Service + EndpointSlice (created or corrected; never deleted by us).</summary>
    private async Task EnsureServiceAsync(CancellationToken ct)
    {
        if (Options.AdvertiseAddress == null) throw new ArgumentException("AdvertiseAddress is required with ServiceIp");
        var services = _client.For<V1Service>();
        var labels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns", ["kubernetes.io/name"] = "CoreDNS", ["kubernetes.io/cluster-service"] = "true" };
        try
        {
            await services.CreateAsync(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "kube-dns", NamespaceProperty = "kube-system", Labels = labels },
                Spec = new V1ServiceSpec
                {
                    ClusterIP = Options.ServiceIp,
                    Ports =
                    [
                        new V1ServicePort { Name = "dns", Port = 53, Protocol = "UDP", TargetPort = Port },
                        new V1ServicePort { Name = "dns-tcp", Port = 53, Protocol = "TCP", TargetPort = Port },
                    ],
                },
            }, ct: ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsAlreadyExists(e))
        {
            // Kept from an earlier start.
        }
        var slice = new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta
            {
                Name = "kube-dns-kubesharp",
                NamespaceProperty = "kube-system",
                Labels = new Dictionary<string, string> { [ServiceNameLabel] = "kube-dns", ["endpointslice.kubernetes.io/managed-by"] = "kubesharp-dns" },
            },
            AddressType = "IPv4",
            Endpoints = [new V1Endpoint { Addresses = [Options.AdvertiseAddress], Conditions = new V1EndpointConditions { Ready = true, Serving = true, Terminating = false } }],
            Ports =
            [
                new Discoveryv1EndpointPort { Name = "dns", Port = Port, Protocol = "UDP" },
                new Discoveryv1EndpointPort { Name = "dns-tcp", Port = Port, Protocol = "TCP" },
            ],
        };
        var slices = _client.For<V1EndpointSlice>();
        try
        {
            await slices.CreateAsync(slice, ct: ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsAlreadyExists(e))
        {
            var current = await slices.GetAsync("kube-system", slice.Metadata.Name, ct);
            slice.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            await slices.UpdateAsync(slice, ct: ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
        await _informers.DisposeAsync();
        _client.Dispose();
    }

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Cluster DNS on {Address}:{Port} for {Domain}, forwarding to {Upstreams}")]
    private static partial void LogStarted(ILogger logger, string address, int port, string domain, string upstreams);
}
