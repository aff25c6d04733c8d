using System.Security.Cryptography;
using System.Text;
using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Iptables;

/// <summary>
/// The chains of one proxy instance, all under a configurable prefix (upstream's "KUBE-"), so that several test
/// clusters can share a host's tables. Per-service and per-endpoint chains are named by a hash, as upstream
/// does: iptables chain names are limited to 28 characters.
/// </summary>
public sealed class ChainNames
{
    public const int MaxChainLength = 28;
    private readonly int _hashLength;

    public ChainNames(string prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 10 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"chain prefix \"{prefix}\" must be 1-10 characters of letters, digits, '-' and '_'");
        }
        Prefix = prefix;
        // The longest per-object kind tag is 4 characters ("SVC-", "SEP-", "EXT-", "SVL-").
        _hashLength = Math.Min(16, MaxChainLength - prefix.Length - 4);
    }

    public string Prefix { get; }
    public string Services => Prefix + "SERVICES";
    public string ExternalServices => Prefix + "EXTERNAL-SERVICES";
    public string NodePorts => Prefix + "NODEPORTS";
    public string Postrouting => Prefix + "POSTROUTING";
    public string MarkMasq => Prefix + "MARK-MASQ";
    public string Forward => Prefix + "FORWARD";
    /// <summary>filter: drops new connections to load-balancer IPs that their FW chain did not DNAT (upstream's KUBE-PROXY-FIREWALL).</summary>
    public string ProxyFirewall => Prefix + "PROXY-FIREWALL";

    public string Service(ServicePort port) => Prefix + "SVC-" + Hash(port.Id + port.Protocol);
    public string ServiceLocal(ServicePort port) => Prefix + "SVL-" + Hash(port.Id + port.Protocol);
    public string External(ServicePort port) => Prefix + "EXT-" + Hash(port.Id + port.Protocol);
    /// <summary>Upstream's KUBE-FW-: the load-balancer IP's source-range check in front of the EXT chain.</summary>
    public string Firewall(ServicePort port) => Prefix + "FW-" + Hash(port.Id + port.Protocol);
    public string EndpointChain(ServicePort port, Endpoint endpoint) => Prefix + "SEP-" + Hash(port.Id + port.Protocol + endpoint.HostPort);

    /// <summary>True for the per-object chains this instance creates (stale ones are deleted on sync).</summary>
    public bool IsObjectChain(string chain) =>
        chain.StartsWith(Prefix, StringComparison.Ordinal) && chain.Length > Prefix.Length + 4 &&
        (chain.AsSpan(Prefix.Length, 4) is "SVC-" or "SVL-" or "EXT-" or "SEP-" || chain.AsSpan(Prefix.Length, 3) is "FW-");

    private string Hash(string input)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Base32(digest)[.._hashLength];
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }
}
