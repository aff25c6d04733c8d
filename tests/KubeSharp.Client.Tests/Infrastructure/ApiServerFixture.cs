using k8s.Models;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Client.Tests.Infrastructure;

/// <summary>
/// A real API server in-process on a free port with its own temp data dir. Tests share it and isolate
/// themselves in namespaces of their own.
/// </summary>
public class ApiServerFixture : IAsyncLifetime
{
    private ApiServerHost? _host;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "kubesharp-client-test-" + Guid.NewGuid().ToString("N")[..12]);

    public ApiServerHost Host => _host ?? throw new InvalidOperationException("not started");

    public ClientConfig Config => ClientConfig.FromKubeconfig(Host.KubeconfigPath) with { UserAgent = "kubesharp-client-tests" };

    /// <summary>Events kept per resource for resumed watches; small in fixtures that test 410 Expired.</summary>
    protected virtual int EventWindow => 10_000;

    public async Task InitializeAsync()
    {
        _host = await ApiServerHost.StartAsync(new ApiServerOptions
        {
            DataDir = DataDir,
            SecurePort = 0,
            BindAddress = "127.0.0.1",
            WatchCacheEventWindow = EventWindow,
            TokenAuthFile = WriteTokenFile(),
        }, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public const string TestToken = "client-test-token-0123456789";

    public KubeClient NewClient() => new(Config);

    /// <summary>A client whose requests pass through <paramref name="handler"/> (for pausing or failing them).</summary>
    public KubeClient NewClient(TestHandler handler)
    {
        var config = Config;
        handler.InnerHandler = config.CreateHandler();
        return new KubeClient(config, config.CreateHttpClient(handler), ownsHttp: true);
    }

    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var client = NewClient();
        await client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    private string WriteTokenFile()
    {
        Directory.CreateDirectory(DataDir);
        var path = Path.Combine(DataDir, "tokens.csv");
        File.WriteAllText(path, $"{TestToken},tester,1001,\"team-a\"\n");
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_host != null) await _host.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, true);
        }
        catch (IOException)
        {
            // A file still held open by a late reader; the temp dir is cleaned by the OS eventually.
        }
    }
}
