using k8s.Models;
using KubeSharp.Agent.Network;
using KubeSharp.Testing;

namespace KubeSharp.Agent.Tests.Network;

/// <summary>The agent's host-gw loop against a real API server: Node objects in, routes in a private netns out.</summary>
public sealed class HostGwControllerTests : IAsyncLifetime
{
    private readonly ApiServerFixture _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();
    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Routes_follow_nodes_joining_changing_address_and_leaving()
    {
        await using var ns = await NetnsHolder.CreateAsync();
        var routes = new HostGwRoutes(77, ns.Prefix);
        var nodes = _api.Client.For<V1Node>();
        await CreateNodeAsync("me", "10.244.0.0/24", "10.99.0.1");
        await CreateNodeAsync("b", "10.244.1.0/24", "10.99.0.2");

        await using var controller = HostGwController.Start(routes, "me", _api.KubeconfigPath, ConsoleTestLoggerFactory.Instance);
        await WaitForRoutesAsync(routes, [new PodRoute("10.244.1.0/24", "10.99.0.2")]);

        await CreateNodeAsync("c", "10.244.2.0/24", "10.99.0.3");
        await WaitForRoutesAsync(routes, [new PodRoute("10.244.1.0/24", "10.99.0.2"), new PodRoute("10.244.2.0/24", "10.99.0.3")]);

        var b = await nodes.GetAsync(null, "b");
        b.Status.Addresses = [new V1NodeAddress { Address = "10.99.0.20", Type = "InternalIP" }];
        await nodes.UpdateStatusAsync(b);
        await WaitForRoutesAsync(routes, [new PodRoute("10.244.1.0/24", "10.99.0.20"), new PodRoute("10.244.2.0/24", "10.99.0.3")]);

        await nodes.DeleteAsync(null, "c");
        await WaitForRoutesAsync(routes, [new PodRoute("10.244.1.0/24", "10.99.0.20")]);

        // A route deleted by hand is restored at the next sync (here: woken by a node change).
        await ns.IpAsync("route", "del", "10.244.1.0/24");
        await CreateNodeAsync("d", null, "10.99.0.4");
        await WaitForRoutesAsync(routes, [new PodRoute("10.244.1.0/24", "10.99.0.20")]);
    }

    private async Task CreateNodeAsync(string name, string? cidr, string ip)
    {
        var nodes = _api.Client.For<V1Node>();
        var node = await nodes.CreateAsync(new V1Node { Metadata = new V1ObjectMeta { Name = name }, Spec = new V1NodeSpec { PodCIDR = cidr } });
        node.Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Address = ip, Type = "InternalIP" }] };
        await nodes.UpdateStatusAsync(node);
    }

    private static Task WaitForRoutesAsync(HostGwRoutes routes, PodRoute[] expected) =>
        KubeSharp.Testing.Eventually.WaitAsync(
            async () => (await routes.ListAsync(CancellationToken.None)).OrderBy(r => r.Cidr, StringComparer.Ordinal).SequenceEqual(expected),
            $"routes [{string.Join(", ", expected.Select(r => $"{r.Cidr} via {r.Via}"))}]");
}
