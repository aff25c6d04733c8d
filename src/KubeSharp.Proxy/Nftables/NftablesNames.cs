using System.Security.Cryptography;
using System.Text;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// The names in one proxy's nftables table. The table is named after the configured prefix ("KUBE-" gives
/// upstream's "kube-proxy"), so test clusters sharing a host never touch each other's table. Per-object chains
/// and sets carry a short hash (unique) and a readable base (ns/name/proto/port), as upstream's do; nft names
/// may hold '/' and '.', not ':'.
/// </summary>
public sealed class NftablesNames
{
    public NftablesNames(string prefix)
    {
        // The same rules as iptables chain prefixes, so one --chain-prefix serves both modes.
        _ = new ChainNames(prefix);
        Table = prefix.ToLowerInvariant() + "proxy";
    }

    public string Table { get; }

    public static string Base(ServicePort port) =>
        $"{port.Namespace}/{port.Name}/{port.Protocol.ToLowerInvariant()}/{(port.PortName.Length > 0 ? port.PortName : "p" + port.Port)}";

    public static string Service(ServicePort port) => $"service-{Hash(port.Id + port.Protocol)}-{Base(port)}";
    public static string ServiceLocal(ServicePort port) => $"local-{Hash(port.Id + port.Protocol)}-{Base(port)}";
    public static string External(ServicePort port) => $"external-{Hash(port.Id + port.Protocol)}-{Base(port)}";
    public static string Firewall(ServicePort port) => $"firewall-{Hash(port.Id + port.Protocol)}-{Base(port)}";

    public static string Endpoint(ServicePort port, Endpoint ep) =>
        $"endpoint-{Hash(port.Id + port.Protocol + ep.HostPort)}-{Base(port)}__{ep.Ip}/{ep.Port}";

    /// <summary>The timeout is part of the hash: nft cannot change a set's timeout in place, so a new one is made.</summary>
    public static string Affinity(ServicePort port, Endpoint ep) =>
        $"affinity-{Hash(port.Id + port.Protocol + ep.HostPort + "/" + port.AffinitySeconds)}-{Base(port)}__{ep.Ip}/{ep.Port}";

    /// <summary>True for per-service and per-endpoint chains (the rest are the fixed chains of the layout).</summary>
    public static bool IsObjectChain(string chain) =>
        chain.StartsWith("service-", StringComparison.Ordinal) && chain.Length > 17 && chain[16] == '-' ||
        chain.StartsWith("firewall-", StringComparison.Ordinal) && chain.Length > 18 && chain[17] == '-' ||
        chain.StartsWith("local-", StringComparison.Ordinal) || chain.StartsWith("external-", StringComparison.Ordinal) ||
        chain.StartsWith("endpoint-", StringComparison.Ordinal);

    private static string Hash(string input)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder(8);
        // 8 base32 characters = 40 bits of the digest, as upstream's chain hashes.
        ulong bits = 0;
        for (var i = 0; i < 5; i++) bits = (bits << 8) | digest[i];
        for (var i = 7; i >= 0; i--) sb.Append(alphabet[(int)((bits >> (i * 5)) & 31)]);
        return sb.ToString();
    }
}
