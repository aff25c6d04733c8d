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

    [Theory]
    [InlineData(new[] { "*" }, new[] { "namespace", "replicaset", "replicationcontroller" })]
    [InlineData(new[] { "*", "-namespace" }, new[] { "replicaset", "replicationcontroller" })]
    [InlineData(new[] { "replicaset" }, new[] { "replicaset" })]
    public void Resolves_the_controllers_flag(string[] requested, string[] expected) =>
        Assert.Equal(expected, ControllerRegistry.Resolve(requested));

    [Fact]
    public void Rejects_an_unknown_controller() =>
        Assert.Throws<ArgumentException>(() => ControllerRegistry.Resolve(["nosuch"]));
}
