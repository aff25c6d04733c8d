using k8s.Models;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>
/// A real API server in-process plus a controller manager (all controllers, leader election on) talking to it
/// over HTTPS. Tests share both and isolate themselves in namespaces of their own.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private ApiServerHost? _apiServer;
    private ControllerManagerHost? _controllers;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "kubesharp-cm-test-" + Guid.NewGuid().ToString("N")[..12]);

    public ControllerManagerHost Controllers => _controllers ?? throw new InvalidOperationException("not started");

    public KubeClient Client { get; private set; } = null!;

    public Kubectl Kubectl => new(KubeconfigPath, Path.Combine(DataDir, "kubectl-cache"));

    public string KubeconfigPath => _apiServer?.KubeconfigPath ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _apiServer = await ApiServerHost.StartAsync(new ApiServerOptions
        {
            DataDir = DataDir,
            SecurePort = 0,
            BindAddress = "127.0.0.1",
        }, NullLoggerFactory.Instance, CancellationToken.None);
        Client = new KubeClient(ClientConfig.FromKubeconfig(_apiServer.KubeconfigPath) with { UserAgent = "kubesharp-cm-tests" });
        _controllers = await ControllerManagerHost.StartAsync(new ControllerManagerOptions
        {
            KubeconfigPath = _apiServer.KubeconfigPath,
            WorkersPerController = 2,
        }, KubeSharp.Testing.FileLoggerFactory.FromEnvironment(), CancellationToken.None);
    }

    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    public async Task DisposeAsync()
    {
        if (_controllers != null) await _controllers.DisposeAsync();
        Client?.Dispose();
        if (_apiServer != null) await _apiServer.DisposeAsync();
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
