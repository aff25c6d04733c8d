using System.Net;
using k8s.Models;
using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Network;

/// <summary>A route to another node's pods: its pod CIDR through its InternalIP.</summary>
public sealed record PodRoute(string Cidr, string Via);

/// <summary>
/// Host-gw networking between nodes on one L2 segment: every node routes each other node's pod CIDR to that node's
/// InternalIP, so pod IPs are reachable across nodes without encapsulation. The routes this agent owns carry their
/// own routing protocol number (<c>ip route ... proto N</c>); routes of anything else are never touched.
/// </summary>
public sealed class HostGwRoutes(int protocol, IReadOnlyList<string> commandPrefix)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    public int Protocol { get; } = protocol is > 0 and < 256 ? protocol : throw new ArgumentOutOfRangeException(nameof(protocol), "route protocol must be 1-255");

    /// <summary>The routes this node needs: one per other node that has a pod CIDR and an IPv4 InternalIP.</summary>
    public static IReadOnlyList<PodRoute> Desired(IEnumerable<V1Node> nodes, string ownNodeName)
    {
        var routes = new List<PodRoute>();
        foreach (var node in nodes)
        {
            if (node.Metadata?.Name == ownNodeName) continue;
            var cidr = node.Spec?.PodCIDR;
            var ip = node.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP" && IPAddress.TryParse(a.Address, out var parsed) &&
                parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)?.Address;
            if (string.IsNullOrEmpty(cidr) || ip is null || !IPNetwork.TryParse(cidr, out _)) continue;
            routes.Add(new PodRoute(cidr, ip));
        }
        return routes.OrderBy(r => r.Cidr, StringComparer.Ordinal).ToList();
    }

    /// <summary>The routes present with this agent's protocol number.</summary>
    public async Task<IReadOnlyList<PodRoute>> ListAsync(CancellationToken ct)
    {
        var output = await RunCheckedAsync(["-4", "route", "show", "proto", Protocol.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
        var routes = new List<PodRoute>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "10.244.1.0/24 via 10.0.0.2 dev eth0"
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var via = Array.IndexOf(fields, "via");
            if (fields.Length > 0 && via > 0 && via + 1 < fields.Length) routes.Add(new PodRoute(fields[0], fields[via + 1]));
        }
        return routes;
    }

    /// <summary>
    /// Makes the owned routes equal <paramref name="desired"/>. Returns the routes that could not be added, with the
    /// reason (typically a node whose InternalIP is not on a directly connected network: host-gw cannot reach it).
    /// </summary>
    public async Task<IReadOnlyList<(PodRoute Route, string Error)>> SyncAsync(IReadOnlyList<PodRoute> desired, CancellationToken ct)
    {
        var present = await ListAsync(ct);
        var failures = new List<(PodRoute, string)>();
        var proto = Protocol.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var stale in present.Where(p => !desired.Contains(p)))
        {
            var del = await RunAsync(["-4", "route", "del", stale.Cidr, "via", stale.Via, "proto", proto], ct);
            if (!del.Succeeded) failures.Add((stale, del.Stderr.Trim()));
        }
        foreach (var route in desired.Where(d => !present.Contains(d)))
        {
            // replace, not add: a route for the CIDR via an old address (node IP changed) is updated in place.
            var add = await RunAsync(["-4", "route", "replace", route.Cidr, "via", route.Via, "proto", proto], ct);
            if (!add.Succeeded) failures.Add((route, add.Stderr.Trim()));
        }
        return failures;
    }

    /// <summary>Removes every route this agent owns (agent cleanup).</summary>
    public Task CleanupAsync(CancellationToken ct) => SyncAsync([], ct);

    private Task<CommandResult> RunAsync(IEnumerable<string> args, CancellationToken ct) =>
        commandPrefix.Count == 0
            ? HostCommand.RunAsync("ip", args, CommandTimeout, ct)
            : HostCommand.RunAsync(commandPrefix[0], commandPrefix.Skip(1).Append("ip").Concat(args), CommandTimeout, ct);

    private async Task<string> RunCheckedAsync(IEnumerable<string> args, CancellationToken ct)
    {
        var list = args.ToList();
        var result = await RunAsync(list, ct);
        if (!result.Succeeded) throw new InvalidOperationException($"ip {string.Join(' ', list)} failed (exit {result.ExitCode}): {result.Stderr.Trim()}");
        return result.Stdout;
    }
}
