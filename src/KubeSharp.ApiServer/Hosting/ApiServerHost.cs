using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Authentication;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Discovery;
using KubeSharp.ApiServer.Http;
using KubeSharp.ApiServer.Pki;
using KubeSharp.ApiServer.Proxy;
using KubeSharp.ApiServer.Registry;
using KubeSharp.ApiServer.Registry.Services;
using KubeSharp.ApiServer.Registry.Strategies;
using KubeSharp.Storage;
using KubeSharp.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ApiServer.Hosting;

/// <summary>
/// The embeddable API server: PKI, store, watch caches, bootstrap objects, then Kestrel on one HTTPS port
/// (HTTP/1.1 and HTTP/2). The CLI, tests and benchmarks all host it in-process through this type.
/// </summary>
public sealed partial class ApiServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IStore _store;
    private readonly CacheFeeder _feeder;
    private readonly List<IAsyncDisposable> _loops;

    private ApiServerHost(WebApplication app, IStore store, CacheFeeder feeder, List<IAsyncDisposable> loops, Uri url, string kubeconfig,
        X509Certificate2 ca, X509Certificate2 admin)
    {
        _app = app;
        _loops = loops;
        _store = store;
        _feeder = feeder;
        Url = url;
        KubeconfigPath = kubeconfig;
        CaCertificate = ca;
        AdminCertificate = admin;
    }

    public Uri Url { get; }

    /// <summary>The address the <c>kubernetes</c> Service's endpoints point at for this server.</summary>
    public required IPAddress AdvertiseAddress { get; init; }

    /// <summary>upstream's --advertise-address default: the configured address, else the kubeconfig host when it
    /// is a non-loopback IP, else the host's first non-loopback address (IPv4 first), else loopback.</summary>
    public static IPAddress ResolveAdvertiseAddress(ApiServerOptions options)
    {
        if (options.AdvertiseAddress != null)
        {
            return IPAddress.TryParse(options.AdvertiseAddress, out var given)
                ? given
                : throw new FormatException($"invalid advertise address \"{options.AdvertiseAddress}\": want an IP address");
        }
        if (IPAddress.TryParse(options.AdvertiseHost, out var host) && !IPAddress.IsLoopback(host)) return host;
        var candidates = PkiBootstrap.HostAddresses().Where(a => !IPAddress.IsLoopback(a)).ToList();
        return candidates.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? candidates.FirstOrDefault() ?? IPAddress.Loopback;
    }

    /// <summary>Cancelled when the web host begins to stop on its own (e.g. its console lifetime saw a signal).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public string KubeconfigPath { get; }

    public X509Certificate2 CaCertificate { get; }

    public X509Certificate2 AdminCertificate { get; }

    public static async Task<ApiServerHost> StartAsync(ApiServerOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var logger = loggerFactory.CreateLogger("apiserver");
        Directory.CreateDirectory(options.DataDir);
        var pkiFiles = new PkiFiles(Path.Combine(options.DataDir, "pki"));
        var ipRange = ServiceIpRange.Parse(options.ServiceClusterIpRange);
        var portRange = NodePortRange.Parse(options.ServiceNodePortRange);
        var serviceIp = ipRange.AddressAt(0);
        var endpointAddressValue = ResolveAdvertiseAddress(options);
        var pki = PkiBootstrap.LoadOrCreate(pkiFiles, time, serviceIp);
        var tokens = options.TokenAuthFile != null ? TokenFile.Load(options.TokenAuthFile) : new Dictionary<string, UserInfo>();

        var store = options.StoreFactory?.Invoke(options)
            ?? new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(options.DataDir, "db", "state.db") }, time);
        var stored = ResourceTable.Resources.Where(r => r.Resource is not ("bindings" or "selfsubjectaccessreviews")).ToList();
        var feeder = new CacheFeeder(store, stored, options.WatchCacheEventWindow, time, loggerFactory.CreateLogger("watchcache"));
        await feeder.StartAsync(cancellationToken);
        var namespaces = new NamespaceLifecycle(store, feeder);
        // Upstream's order: mutating LimitRanger then Priority; validating LimitRanger, then ResourceQuota last.
        var lookup = new Registry.Admission.NamespacedLookup(store, feeder);
        var limitRanger = new Registry.Admission.LimitRanger(lookup);
        IReadOnlyList<IAdmissionPlugin> admission = [limitRanger, new Registry.Admission.PriorityAdmission(feeder)];
        IReadOnlyList<IValidatingAdmissionPlugin> validating = [limitRanger, new Registry.Admission.ResourceQuotaAdmission(lookup, store, time)];
        var allocator = new ServiceAllocator(store, ipRange, portRange, loggerFactory.CreateLogger("serviceallocator"));
        var stores = stored.ToDictionary(r => r, r => new ResourceStore(r, StrategyFactory.For(r), store, feeder, namespaces, time, admission, validating,
            (r.Group, r.Resource) is ("", "services") ? allocator : null));
        await Bootstrap.EnsureSystemObjectsAsync(stores, cancellationToken);

        var ready = false;
        // The empty builder: the slim one loads appsettings.json with reload-on-change, i.e. a recursive
        // FileSystemWatcher on the working directory (2,054 watched directories and ~1 MB when run from the
        // repository; the whole tree when run from /). Everything here is configured in code.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Bodies are limited to upstream's 3 MiB by the handler, so that the answer is a Status, not a bare 413.
            k.Limits.MaxRequestBodySize = null;
            k.Limits.Http2.MaxStreamsPerConnection = 250;
            k.Limits.Http2.InitialConnectionWindowSize = 2 * 1024 * 1024;
            k.Limits.Http2.InitialStreamWindowSize = 1024 * 1024;
            k.Listen(IPAddress.Parse(options.BindAddress), options.SecurePort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = pki.Serving,
                    // Accept any client certificate at the handshake and verify it in the authenticator, so a bad
                    // one gets a 401 Status; RequireCertificate would break token-only clients (kestrel-notes).
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
        });
        var app = builder.Build();
        var handler = new ApiHandler(store, stores, feeder, new DiscoveryDocuments(ResourceTable.Resources, $"{options.AdvertiseHost}:{options.SecurePort}"),
            new Authenticator(pki.Ca, tokens), time, logger, () => ready)
        {
            Kubelets = new KubeletConnector(pki.KubeletClient),
        };
        app.Lifetime.ApplicationStopped.Register(() => handler.Kubelets.Dispose());
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        var url = new Uri($"https://{options.AdvertiseHost}:{port}");
        var kubeconfig = options.KubeconfigPath ?? Path.Combine(options.DataDir, "kubeconfig");
        KubeconfigWriter.Write(kubeconfig, url.ToString().TrimEnd('/'), pkiFiles);
        var loops = new List<IAsyncDisposable>();
        try
        {
            var kubernetesService = new KubernetesServiceReconciler(stores, store, serviceIp, endpointAddressValue, port,
                options.KubernetesServiceReconcileInterval, time, loggerFactory.CreateLogger("controlplane"));
            await kubernetesService.StartAsync(cancellationToken);
            loops.Add(kubernetesService);
            var repair = new AllocationRepair(allocator, stores[ResourceTable.Find("", "services")!], store,
                options.AllocationRepairInterval, time, loggerFactory.CreateLogger("serviceallocator"));
            repair.Start();
            loops.Add(repair);
        }
        catch
        {
            foreach (var loop in loops) await loop.DisposeAsync();
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            await feeder.DisposeAsync();
            await store.DisposeAsync();
            throw;
        }
        ready = true;
        LogStarted(logger, url.ToString(), kubeconfig);
        return new ApiServerHost(app, store, feeder, loops, url, kubeconfig, pki.Ca, pki.Admin) { AdvertiseAddress = endpointAddressValue };
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        for (var i = _loops.Count - 1; i >= 0; i--) await _loops[i].DisposeAsync();
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
        await _feeder.DisposeAsync();
        await _store.DisposeAsync();
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "API server listening on {Url}; admin kubeconfig at {Kubeconfig}")]
    private static partial void LogStarted(ILogger logger, string url, string kubeconfig);
}
