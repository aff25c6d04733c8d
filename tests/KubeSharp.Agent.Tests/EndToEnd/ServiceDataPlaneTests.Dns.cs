using k8s.Models;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>Cluster DNS behind the kube-dns Service: the pod's queries go to its virtual IP over UDP, through the proxy's rules.</summary>
public abstract partial class ServiceDataPlaneTests
{
    [Fact]
    public async Task Pods_resolve_a_service_name_through_cluster_dns()
    {
        var ns = await Node.NewNamespaceAsync("dns");
        try
        {
            var svc = await Node.Client.For<V1Service>().CreateAsync(Service(ns, "web"));
            await Node.RunPodAsync(ClientPod(ns));
            var resolv = await Node.Kubectl.OkAsync("exec", "-n", ns, "client", "--", "cat", "/etc/resolv.conf");
            Assert.Contains($"nameserver {Node.ClusterDnsIp}", resolv);

            var fqdn = $"web.{ns}.svc.cluster.local";
            var lookup = await Eventually.ValueAsync(
                async () => (await Node.Kubectl.RunAsync(["exec", "-n", ns, "client", "--", "nslookup", fqdn])).Stdout,
                o => o.Contains(svc.Spec.ClusterIP, StringComparison.Ordinal), $"nslookup {fqdn}", TimeSpan.FromSeconds(30));
            Assert.Contains($"Address:\t{Node.ClusterDnsIp}:53\n", lookup);
            Assert.Contains($"Name:\t{fqdn}\nAddress: {svc.Spec.ClusterIP}\n", lookup);
            // The pod's search path (namespace first) resolves the short name too. busybox's nslookup asks every
            // search domain at once and exits 1 because "web.cluster.local" is NXDOMAIN, so only its output counts.
            var shortName = await Node.Kubectl.RunAsync(["exec", "-n", ns, "client", "--", "nslookup", "web"]);
            Assert.Contains($"Name:\t{fqdn}\nAddress: {svc.Spec.ClusterIP}\n", shortName.Stdout);
        }
        finally
        {
            await Node.CleanupNamespaceAsync(ns);
        }
    }
}
