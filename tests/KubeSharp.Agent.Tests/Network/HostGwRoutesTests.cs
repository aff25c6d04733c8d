using k8s.Models;
using KubeSharp.Agent.Network;

namespace KubeSharp.Agent.Tests.Network;

public sealed class HostGwRoutesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    internal static V1Node Node(string name, string? cidr, params (string Type, string Address)[] addresses) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1NodeSpec { PodCIDR = cidr },
        Status = new V1NodeStatus { Addresses = addresses.Select(a => new V1NodeAddress { Address = a.Address, Type = a.Type }).ToList() },
    };

    public static TheoryData<string, V1Node[], string[]> DesiredCases => new()
    {
        { "other node", [Node("b", "10.244.1.0/24", ("InternalIP", "10.99.0.2"))], ["10.244.1.0/24 via 10.99.0.2"] },
        { "own node skipped", [Node("me", "10.244.0.0/24", ("InternalIP", "10.99.0.1"))], [] },
        { "no pod CIDR yet", [Node("b", null, ("InternalIP", "10.99.0.2"))], [] },
        { "no InternalIP", [Node("b", "10.244.1.0/24", ("Hostname", "b"), ("ExternalIP", "192.0.2.1"))], [] },
        { "IPv6 InternalIP only", [Node("b", "10.244.1.0/24", ("InternalIP", "fd00::2"))], [] },
        { "first IPv4 InternalIP", [Node("b", "10.244.1.0/24", ("InternalIP", "fd00::2"), ("InternalIP", "10.99.0.7"))], ["10.244.1.0/24 via 10.99.0.7"] },
        { "bad CIDR ignored", [Node("b", "10.244.1.0/33", ("InternalIP", "10.99.0.2"))], [] },
        {
            "sorted by CIDR",
            [Node("c", "10.244.2.0/24", ("InternalIP", "10.99.0.3")), Node("b", "10.244.1.0/24", ("InternalIP", "10.99.0.2"))],
            ["10.244.1.0/24 via 10.99.0.2", "10.244.2.0/24 via 10.99.0.3"]
        },
    };

    [Theory]
    [MemberData(nameof(DesiredCases))]
    public void Desired_routes(string because, V1Node[] nodes, string[] expected)
    {
        var routes = HostGwRoutes.Desired(nodes, "me").Select(r => $"{r.Cidr} via {r.Via}").ToArray();
        Assert.True(expected.SequenceEqual(routes), $"{because}: got [{string.Join(", ", routes)}]");
    }

    [Fact]
    public async Task Sync_adds_updates_and_removes_only_its_own_routes_in_a_real_routing_table()
    {
        await using var ns = await NetnsHolder.CreateAsync();
        var routes = new HostGwRoutes(75, ns.Prefix);
        // Someone else's route in the same table, and a route of another agent (other protocol number).
        await ns.IpAsync("route", "add", "10.250.0.0/24", "via", "10.99.0.9");
        await ns.IpAsync("route", "add", "10.251.0.0/24", "via", "10.99.0.9", "proto", "76");

        Assert.Empty(await routes.SyncAsync([new PodRoute("10.244.1.0/24", "10.99.0.2"), new PodRoute("10.244.2.0/24", "10.99.0.3")], None));
        var table = await ns.IpAsync("-4", "route", "show");
        Assert.Contains("10.244.1.0/24 via 10.99.0.2 dev v0 proto 75", table);
        Assert.Contains("10.244.2.0/24 via 10.99.0.3 dev v0 proto 75", table);

        // Node 1 changed its address, node 2 left, node 3 joined.
        Assert.Empty(await routes.SyncAsync([new PodRoute("10.244.1.0/24", "10.99.0.12"), new PodRoute("10.244.3.0/24", "10.99.0.4")], None));
        Assert.Equal([new PodRoute("10.244.1.0/24", "10.99.0.12"), new PodRoute("10.244.3.0/24", "10.99.0.4")],
            (await routes.ListAsync(None)).OrderBy(r => r.Cidr, StringComparer.Ordinal));

        // A gateway on no connected network cannot be routed: reported, the rest still applied.
        var failures = await routes.SyncAsync([new PodRoute("10.244.1.0/24", "10.99.0.12"), new PodRoute("10.244.5.0/24", "172.31.9.9")], None);
        Assert.Equal(new PodRoute("10.244.5.0/24", "172.31.9.9"), Assert.Single(failures).Route);
        Assert.Equal([new PodRoute("10.244.1.0/24", "10.99.0.12")], await routes.ListAsync(None));

        await routes.CleanupAsync(None);
        Assert.Empty(await routes.ListAsync(None));
        table = await ns.IpAsync("-4", "route", "show");
        Assert.Contains("10.250.0.0/24 via 10.99.0.9", table);
        Assert.Contains("10.251.0.0/24 via 10.99.0.9 dev v0 proto 76", table);
    }
}
