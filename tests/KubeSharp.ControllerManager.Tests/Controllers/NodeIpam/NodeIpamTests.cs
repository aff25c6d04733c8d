using System.Net;
using k8s.Models;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeIpam;

[Collection(ClusterCollection.Name)]
public sealed class NodeIpamTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Nodes_get_distinct_slash_24s_of_the_default_cluster_cidr()
    {
        var names = Enumerable.Range(0, 3).Select(i => $"ipam-{Guid.NewGuid().ToString("N")[..8]}-{i}").ToList();
        var kubelet = new FakeKubelet(cluster.Client);
        foreach (var n in names) await kubelet.RegisterNodeAsync(n);

        var cidrs = await WaitForCidrsAsync(cluster.Client, names);
        Assert.Equal(3, cidrs.Distinct().Count());
        Assert.All(cidrs, c =>
        {
            Assert.Matches(@"^10\.244\.\d+\.0/24$", c);
        });
        foreach (var n in names)
        {
            var node = await cluster.Client.For<V1Node>().GetAsync(null, n);
            Assert.Equal([node.Spec.PodCIDR], node.Spec.PodCIDRs);
            await cluster.Client.For<V1Node>().DeleteAsync(null, n);
        }
    }

    /// <summary>
    /// Own API server and controller manager (nodeipam only) with a /22 cut into four /24s: allocations survive a
    /// restart, nodes that come with a CIDR keep it, the fifth node finds none (event CIDRNotAvailable) and gets the
    /// CIDR of a deleted node.
    /// </summary>
    [Fact]
    public async Task Allocations_live_in_nodes_survive_restarts_and_exhaustion_is_reported()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kubesharp-ipam-test-" + Guid.NewGuid().ToString("N")[..12]);
        await using var apiServer = await ApiServerHost.StartAsync(new ApiServerOptions { DataDir = dataDir, SecurePort = 0, BindAddress = "127.0.0.1" },
            NullLoggerFactory.Instance, CancellationToken.None);
        using var client = new KubeClient(ClientConfig.FromKubeconfig(apiServer.KubeconfigPath));
        var kubelet = new FakeKubelet(client);
        var options = new ControllerManagerOptions
        {
            KubeconfigPath = apiServer.KubeconfigPath,
            Controllers = [ControllerNames.NodeIpam],
            LeaderElect = false,
            ClusterCidr = "10.250.0.0/22",
            NodeCidrMaskSize = 24,
        };
        try
        {
            // A node that already has a CIDR (set by an admin or an earlier controller) keeps it and blocks it.
            await client.For<V1Node>().CreateAsync(new V1Node
            {
                Metadata = new V1ObjectMeta { Name = "pre" },
                Spec = new V1NodeSpec { PodCIDR = "10.250.1.0/24", PodCIDRs = ["10.250.1.0/24"] },
            });
            var cm = await ControllerManagerHost.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
            await kubelet.RegisterNodeAsync("a");
            await kubelet.RegisterNodeAsync("b");
            var first = await WaitForCidrsAsync(client, ["pre", "a", "b"]);
            Assert.Equal("10.250.1.0/24", first[0]);
            Assert.Equal(3, first.Distinct().Count());
            await cm.DisposeAsync();

            // While no controller runs, a node registers; the next controller must rebuild the used set from the nodes.
            await kubelet.RegisterNodeAsync("c");
            cm = await ControllerManagerHost.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
            await using var _ = cm;
            var all = await WaitForCidrsAsync(client, ["pre", "a", "b", "c"]);
            Assert.Equal(["10.250.0.0/24", "10.250.1.0/24", "10.250.2.0/24", "10.250.3.0/24"], all.Order());
            Assert.Equal(first, all.Take(3));

            await kubelet.RegisterNodeAsync("d");
            await Eventually.WaitAsync(async () => (await client.For<Corev1Event>().ListAsync("default")).Items.Any(e =>
                e.InvolvedObject?.Name == "d" && e.Reason == "CIDRNotAvailable" && e.Message == "Node d status is now: CIDRNotAvailable"),
                "CIDRNotAvailable event for node d");
            Assert.Null((await client.For<V1Node>().GetAsync(null, "d")).Spec?.PodCIDR);

            var freed = all[1];
            await client.For<V1Node>().DeleteAsync(null, "a");
            var d = await WaitForCidrsAsync(client, ["d"]);
            Assert.Equal(freed, d[0]);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, true);
            }
            catch (IOException)
            {
                // Cleaned up with the temp dir eventually.
            }
        }
    }

    private static async Task<List<string>> WaitForCidrsAsync(KubeClient client, IReadOnlyList<string> nodes)
    {
        var cidrs = new List<string>();
        await Eventually.WaitAsync(async () =>
        {
            cidrs.Clear();
            foreach (var n in nodes)
            {
                var cidr = (await client.For<V1Node>().GetAsync(null, n)).Spec?.PodCIDR;
                if (string.IsNullOrEmpty(cidr)) return false;
                cidrs.Add(cidr);
            }
            return true;
        }, $"pod CIDRs of {string.Join(",", nodes)}", TimeSpan.FromSeconds(30));
        return cidrs;
    }
}
