using System.Net;
using System.Net.Sockets;

namespace KubeSharp.Proxy.Model;

/// <summary>IPv4 CIDRs as the proxy writes them: canonical (host bits cleared), as upstream's parsed-and-printed ranges.</summary>
public static class Ipv4Cidr
{
    /// <summary>"10.1.2.3/8 " → "10.0.0.0/8"; false for IPv6, garbage or a missing prefix length.</summary>
    public static bool TryNormalize(string text, out string cidr)
    {
        cidr = "";
        var value = text.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value.AsSpan(0, slash), out var ip) || ip.AddressFamily != AddressFamily.InterNetwork) return false;
        if (!int.TryParse(value.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) || bits > 32) return false;
        var network = ToUInt(ip) & Mask(bits);
        cidr = $"{FromUInt(network)}/{bits}";
        return true;
    }

    /// <summary>True when canonical <paramref name="cidr"/> holds the IPv4 address <paramref name="address"/>.</summary>
    public static bool Contains(string cidr, string address)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var net) || !IPAddress.TryParse(address, out var ip) ||
            ip.AddressFamily != AddressFamily.InterNetwork || !int.TryParse(cidr.AsSpan(slash + 1), out var bits))
        {
            return false;
        }
        return (ToUInt(ip) & Mask(bits)) == (ToUInt(net) & Mask(bits));
    }

    private static uint Mask(int bits) => bits == 0 ? 0 : uint.MaxValue << (32 - bits);

    private static uint ToUInt(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
    }

    private static string FromUInt(uint v) => $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";
}
