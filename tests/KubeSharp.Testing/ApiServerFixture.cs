using k8s.Models;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KubeSharp.Testing;

/// <summary>
/// A real API server in-process on a free loopback port with its own data dir, plus an admin client. Components
/// under test connect to it over HTTPS through <see cref="KubeconfigPath"/>, exactly as they do in production.
/// Tests share one fixture and isolate themselves by namespace (and node name).
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private ApiServerHost? _apiServer;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "kubesharp-test-" + Guid.NewGuid().ToString("N")[..12]);

    public KubeClient Client { get; private set; } = null!;

    /// <summary>The service CIDR (tests that program service rules on the host pick their own, so runs side by side do not clash).</summary>
    public string ServiceClusterIpRange { get; init; } = "10.96.0.0/12";

    public string KubeconfigPath => _apiServer?.KubeconfigPath ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _apiServer = await ApiServerHost.StartAsync(new ApiServerOptions
        {
            DataDir = DataDir,
            SecurePort = 0,
            BindAddress = "127.0.0.1",
            ServiceClusterIpRange = ServiceClusterIpRange,
        }, NullLoggerFactory.Instance, CancellationToken.None);
        Client = new KubeClient(ClientConfig.FromKubeconfig(_apiServer.KubeconfigPath) with { UserAgent = "kubesharp-tests" });
    }

    /// <summary>A fresh namespace named prefix-&lt;random&gt;.</summary>
    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>A unique name for per-test objects (nodes, dirs).</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_apiServer != null) await _apiServer.DisposeAsync();
        TestDirs.DeleteQuietly(DataDir);
    }
}
