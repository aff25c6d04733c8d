using k8s;
using KubeSharp.ApiServer.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.ApiServer.Tests.Infrastructure;

/// <summary>An in-process API server on a free port with its own temp data dir, shared by the tests of one class.
/// Tests isolate themselves by working in namespaces of their own.</summary>
public class ApiServerFixture : IAsyncLifetime
{
    private ApiServerHost? _host;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "kubesharp-test-" + Guid.NewGuid().ToString("N")[..12]);

    public ApiServerHost Host => _host ?? throw new InvalidOperationException("not started");

    public string Kubeconfig => Host.KubeconfigPath;

    public string KubectlCacheDir => Path.Combine(DataDir, "kubectl-cache");

    public async Task InitializeAsync()
    {
        _host = await ApiServerHost.StartAsync(new ApiServerOptions
        {
            DataDir = DataDir,
            SecurePort = 0,
            BindAddress = "127.0.0.1",
            TokenAuthFile = WriteTokenFile(),
            WatchCacheEventWindow = EventWindow,
        }, NullLoggerFactory.Instance, CancellationToken.None);
    }

    /// <summary>Events kept per resource for resumed watches; small in fixtures that test 410 Expired.</summary>
    protected virtual int EventWindow => 10_000;

    public const string TestToken = "test-token-0123456789";

    private string WriteTokenFile()
    {
        Directory.CreateDirectory(DataDir);
        var path = Path.Combine(DataDir, "tokens.csv");
        File.WriteAllText(path, $"{TestToken},tester,1001,\"team-a,team-b\"\n");
        return path;
    }

    public Kubernetes Client() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));

    public KubectlRunner Kubectl => new(Kubeconfig, KubectlCacheDir);

    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var client = Client();
        await client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = name } });
        return name;
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
        }
    }
}
