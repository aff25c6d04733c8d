using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Sync;

/// <summary>
/// UDP has no connection end: conntrack keeps sending a flow to the endpoint it was first DNATed to, whichever
/// backend wrote the rules. Entries towards endpoints that are gone are deleted, and so are entries of a service
/// that had no endpoints (they cached the reject).
/// </summary>
internal static class StaleUdpFlows
{
    public static async Task FlushAsync(HostCommand host, IReadOnlyList<ServicePort> before, IReadOnlyList<ServicePort> after, CancellationToken ct)
    {
        var now = after.Where(p => p.Protocol == "UDP").ToDictionary(p => (p.Id, p.Protocol));
        foreach (var old in before.Where(p => p.Protocol == "UDP"))
        {
            var oldEndpoints = ServiceModelBuilder.Usable(old.Endpoints, false);
            var current = now.GetValueOrDefault((old.Id, old.Protocol));
            var currentEndpoints = current == null ? [] : ServiceModelBuilder.Usable(current.Endpoints, false);
            foreach (var gone in oldEndpoints.Where(e => currentEndpoints.All(c => c.Ip != e.Ip)))
            {
                await host.RunAsync(["conntrack", "-D", "-p", "udp", "--orig-dst", old.ClusterIP, "--dst-nat", gone.Ip], null, ct);
            }
        }
        var previouslyEmpty = before.Where(p => p.Protocol == "UDP" && ServiceModelBuilder.Usable(p.Endpoints, false).Count == 0).Select(p => p.Id).ToHashSet();
        foreach (var port in after.Where(p => p.Protocol == "UDP" && previouslyEmpty.Contains(p.Id) && ServiceModelBuilder.Usable(p.Endpoints, false).Count > 0))
        {
            await host.RunAsync(["conntrack", "-D", "-p", "udp", "--orig-dst", port.ClusterIP], null, ct);
        }
    }
}
