using KubeSharp.Client.Rest;
using KubeSharp.Testing;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>
/// An API server of its own plus a controller manager running the node lifecycle, taint eviction, service load
/// balancer and replication controllers with short periods (0.2 s monitor period, 5 s grace: 16 missed Lease
/// renewals of <see cref="SimulatedNode"/>, so a loaded test machine does not fail healthy nodes). Node-health tests
/// cannot share the main <see cref="ClusterFixture"/>: the nodes other tests register never heartbeat, and the
/// load balancer's answer depends on every node in the cluster.
/// </summary>
public sealed class LifecycleCluster : IAsyncLifetime
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    private readonly ApiServerFixture _api = new();
    private ControllerManagerHost? _controllers;

    public KubeClient Client => _api.Client;

    public string KubeconfigPath => _api.KubeconfigPath;

    public KubeSharp.Testing.Kubectl Kubectl => new(_api.KubeconfigPath, Path.Combine(_api.DataDir, "kubectl-cache"));

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        _controllers = await ControllerManagerHost.StartAsync(new ControllerManagerOptions
        {
            KubeconfigPath = _api.KubeconfigPath,
            LeaderElect = false,
            WorkersPerController = 2,
            Controllers = [ControllerNames.NodeLifecycle, ControllerNames.TaintEviction, ControllerNames.ServiceLb, ControllerNames.ReplicationController],
            NodeMonitorPeriod = TimeSpan.FromMilliseconds(200),
            NodeMonitorGracePeriod = GracePeriod,
            NodeStartupGracePeriod = TimeSpan.FromSeconds(10),
            // Several tests take nodes down one after another; the default 0.1/s would serialise them 10 s apart.
            NodeEvictionRate = 20,
        }, FileLoggerFactory.FromEnvironment(), CancellationToken.None);
    }

    public Task<string> NewNamespaceAsync(string prefix) => _api.NewNamespaceAsync(prefix);

    public async Task DisposeAsync()
    {
        if (_controllers != null) await _controllers.DisposeAsync();
        await _api.DisposeAsync();
    }
}
