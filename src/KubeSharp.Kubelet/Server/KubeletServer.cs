using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Kubelet.Cri;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Server;

/// <summary>
/// The kubelet's HTTPS server (upstream's :10250): /healthz, /pods, /metrics (the runtime operation counts only),
/// /containerLogs, /exec, /attach and /portForward, the endpoints the API server proxies pods/log, pods/exec, pods/attach and pods/portforward to.
/// Serves a self-signed certificate (as upstream does without --tls-cert-file) and accepts only clients whose
/// certificate chains to the cluster CA.
/// </summary>
public sealed partial class KubeletServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StreamingHandlers _handlers;
    private readonly X509Certificate2? _clientCa;
    private readonly Func<IReadOnlyList<V1Pod>> _pods;
    private readonly ILogger _logger;

    /// <summary>Runtime operation counts for /metrics; set once the kubelet behind the server exists.</summary>
    internal Func<IReadOnlyDictionary<string, long>>? RuntimeOperations { get; set; }

    private KubeletServer(WebApplication app, StreamingHandlers handlers, X509Certificate2? clientCa, Func<IReadOnlyList<V1Pod>> pods, ILogger logger)
    {
        _logger = logger;
        _app = app;
        _handlers = handlers;
        _clientCa = clientCa;
        _pods = pods;
    }

    /// <summary>The port actually bound (differs from the option when it was 0).</summary>
    public int Port { get; private set; }

    /// <param name="pods">The pods this kubelet runs, for /pods.</param>
    public static async Task<KubeletServer> StartAsync(KubeletServerOptions options, IRuntimeService runtime, Func<IReadOnlyList<V1Pod>> pods,
        ILoggerFactory loggerFactory, TimeProvider? time, CancellationToken ct)
    {
        var serving = SelfSignedCertificate(options, time ?? TimeProvider.System);
        // The empty builder: the slim one loads appsettings.json with reload-on-change, i.e. a recursive
        // FileSystemWatcher on the working directory (2,054 watched directories and ~1 MB when run from the
        // repository; the whole tree when run from /). Everything here is configured in code.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(options.BindAddress, options.Port, listen =>
            {
                // HTTP/1.1 for upgrades (exec, attach, port-forward), HTTP/2 for log streams over a shared connection.
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = serving,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    // Verified per request against the cluster CA, so a bad certificate gets a 401, not a reset.
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
        });
        var app = builder.Build();
        app.UseWebSockets();
        var handlers = new StreamingHandlers(runtime, new ContainerLocator(runtime), time ?? TimeProvider.System, loggerFactory.CreateLogger("kubelet-server"));
        var server = new KubeletServer(app, handlers, options.ClientCa, pods, loggerFactory.CreateLogger("kubelet-server"));
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path is "/healthz" or "/healthz/")
        {
            await WriteTextAsync(http, 200, "ok");
            return;
        }
        if (!Authenticated(http))
        {
            await WriteTextAsync(http, 401, "Unauthorized");
            return;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            switch (parts)
            {
                case ["pods"]:
                    await WritePodsAsync(http);
                    return;
                case ["metrics"]:
                    http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                    await http.Response.WriteAsync(InstrumentedRuntimeService.ToPrometheus(RuntimeOperations?.Invoke() ?? new Dictionary<string, long>()));
                    return;
                case ["containerLogs", var ns, var pod, var container]:
                    await _handlers.LogsAsync(http, ns, pod, container);
                    return;
                case ["exec", var ns, var pod, var container]:
                    await _handlers.ExecAsync(http, ns, pod, container, attach: false);
                    return;
                case ["exec", var ns, _, var pod, var container]:
                    // upstream also accepts /exec/{namespace}/{pod}/{uid}/{container}
                    await _handlers.ExecAsync(http, ns, pod, container, attach: false);
                    return;
                case ["attach", var ns, var pod, var container]:
                    await _handlers.ExecAsync(http, ns, pod, container, attach: true);
                    return;
                case ["portForward", var ns, var pod]:
                    await _handlers.PortForwardAsync(http, ns, pod);
                    return;
                default:
                    await WriteTextAsync(http, 404, "404 page not found");
                    return;
            }
        }
        catch (KubeletHttpException e)
        {
            if (!http.Response.HasStarted) await WriteTextAsync(http, e.StatusCode, e.Message);
        }
        catch (CriException e)
        {
            if (!http.Response.HasStarted) await WriteTextAsync(http, e.IsNotFound ? 404 : 500, e.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away (kubectl ended a follow or a session).
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or HttpRequestException or System.Net.Sockets.SocketException)
        {
            // The runtime's streaming server refused or dropped the session: say so, instead of a bare reset.
            LogStreamFailed(_logger, path, e.Message);
            if (!http.Response.HasStarted) await WriteTextAsync(http, 502, $"error talking to the container runtime: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Streaming request {Path} failed: {Error}")]
    private static partial void LogStreamFailed(ILogger logger, string path, string error);

    private bool Authenticated(HttpContext http)
    {
        if (_clientCa == null) return true;
        var cert = http.Connection.ClientCertificate;
        if (cert == null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_clientCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(cert);
    }

    private async Task WritePodsAsync(HttpContext http)
    {
        var list = new V1PodList { ApiVersion = "v1", Kind = "PodList", Metadata = new V1ListMeta(), Items = _pods().ToList() };
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(KubeJson.Serialize(list), http.RequestAborted);
    }

    internal static async Task WriteTextAsync(HttpContext http, int code, string text)
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
    }

    private static X509Certificate2 SelfSignedCertificate(KubeletServerOptions options, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={options.ServingNames.FirstOrDefault() ?? "kubelet"}@{time.GetUtcNow().ToUnixTimeSeconds()}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in options.ServingNames) san.AddDnsName(name);
        foreach (var address in options.ServingAddresses) san.AddIpAddress(address);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        // Kestrel needs an exportable key: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Streams still open after the grace period are cut.
        }
        await _app.DisposeAsync();
    }
}

/// <summary>An error the kubelet server answers with a plain-text body and a status code (as upstream's kubelet does).</summary>
internal sealed class KubeletHttpException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
