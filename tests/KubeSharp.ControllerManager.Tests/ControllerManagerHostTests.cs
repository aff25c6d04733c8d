using k8s.Models;

namespace KubeSharp.ControllerManager.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ControllerManagerHostTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Holds_the_kube_controller_manager_lease_while_leading()
    {
        await Eventually.WaitAsync(() => Task.FromResult(cluster.Controllers.IsLeading), "leadership");
        var lease = await cluster.Client.For<V1Lease>().GetAsync("kube-system", "kube-controller-manager");
        Assert.Equal(cluster.Controllers.Identity, lease.Spec.HolderIdentity);
        Assert.Equal(ControllerNames.All, cluster.Controllers.Controllers);
    }

    [Fact]
    public async Task Without_leader_election_runs_at_once_and_stops_promptly()
    {
        // Only the namespace controller: its syncs are idempotent, so running beside the fixture's host is harmless.
        var host = await ControllerManagerHost.StartAsync(new ControllerManagerOptions
        {
            KubeconfigPath = cluster.KubeconfigPath,
            Controllers = [ControllerNames.Namespace],
            LeaderElect = false,
        }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, CancellationToken.None);
        await Eventually.WaitAsync(() => Task.FromResult(host.IsLeading), "controllers running");

        var stopping = host.DisposeAsync().AsTask();

        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.True(host.Completion.IsCompleted);
        Assert.False(host.IsLeading);
    }

    [Theory]
    [InlineData(new[] { "*" }, new[] { "namespace", "replicaset", "replicationcontroller", "deployment", "garbagecollector", "endpoints", "endpointslice", "serviceaccount", "nodeipam", "resourcequota", "nodelifecycle", "taint-eviction-controller", "disruption", "service-lb" })]
    [InlineData(new[] { "*", "-namespace", "-nodeipam" }, new[] { "replicaset", "replicationcontroller", "deployment", "garbagecollector", "endpoints", "endpointslice", "serviceaccount", "resourcequota", "nodelifecycle", "taint-eviction-controller", "disruption", "service-lb" })]
    [InlineData(new[] { "replicaset" }, new[] { "replicaset" })]
    public void Resolves_the_controllers_flag(string[] requested, string[] expected) =>
        Assert.Equal(expected, ControllerRegistry.Resolve(requested));

    [Fact]
    public void Rejects_an_unknown_controller() =>
        Assert.Throws<ArgumentException>(() => ControllerRegistry.Resolve(["nosuch"]));
}
