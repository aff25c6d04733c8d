using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>
/// The service cluster IP range (<c>--service-cluster-ip-range</c>, one CIDR): maps allocatable addresses to
/// offsets 0..Size-1. As upstream, the network address is never handed out, and for IPv4 neither is the
/// broadcast address; offset 0 is the first usable address (10.96.0.1 for 10.96.0.0/12), which belongs to the
/// <c>kubernetes</c> Service.
/// </summary>
public sealed class ServiceIpRange
{
    private readonly UInt128 _base;

    private ServiceIpRange(string cidr, AddressFamily family, UInt128 network, int prefix, ulong size)
    {
        Cidr = cidr;
        Family = family;
        _base = network + 1;
        PrefixLength = prefix;
        Size = size;
    }

    /// <summary>The range as written canonically, e.g. 10.96.0.0/12 (used in upstream's "not in the valid range" message).</summary>
    public string Cidr { get; }

    public AddressFamily Family { get; }

    /// <summary>"IPv4" or "IPv6", the spec.ipFamilies value of this range.</summary>
    public string IpFamily => Family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";

    public int PrefixLength { get; }

    /// <summary>How many addresses can be allocated.</summary>
    public ulong Size { get; }

    /// <summary>Parses a CIDR. Ranges must leave at least one usable address; IPv6 ranges are capped at 2^64
    /// addresses (upstream caps its bitmap far lower), which only limits what is ever handed out.</summary>
    public static ServiceIpRange Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var ip)
            || !int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            throw new FormatException($"invalid service cluster IP range \"{cidr}\": want an address/prefix such as 10.96.0.0/12");
        }
        var bits = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix < 0 || prefix > bits) throw new FormatException($"invalid service cluster IP range \"{cidr}\": prefix out of range");
        var value = ToNumber(ip);
        var hostBits = bits - prefix;
        var mask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var network = value & ~mask;
        // IPv4 loses the network and broadcast addresses; IPv6 has no broadcast, only the network address goes.
        var total = hostBits >= 64 ? UInt128.One << 64 : UInt128.One << hostBits;
        var usable = bits == 32 ? total - 2 : total - 1;
        if (bits == 32 && hostBits < 2 || bits == 128 && hostBits < 1)
        {
            throw new FormatException($"invalid service cluster IP range \"{cidr}\": too small to allocate from");
        }
        var size = usable > ulong.MaxValue ? ulong.MaxValue : (ulong)usable;
        var canonical = $"{FromNumber(network, ip.AddressFamily)}/{prefix.ToString(CultureInfo.InvariantCulture)}";
        return new ServiceIpRange(canonical, ip.AddressFamily, network, prefix, size);
    }

    /// <summary>The offset of <paramref name="ip"/>, or null when it is not an allocatable address of this range.</summary>
    public ulong? OffsetOf(IPAddress ip)
    {
        if (ip.AddressFamily != Family) return null;
        var n = ToNumber(ip);
        if (n < _base) return null;
        var offset = n - _base;
        return offset < Size ? (ulong)offset : null;
    }

    public IPAddress AddressAt(ulong offset) => FromNumber(_base + offset, Family);

    /// <summary>Upstream keeps a lower band of the range for static (user-chosen) addresses: dynamic allocation
    /// takes from above it while it can (KEP-3070). The band is size/16, at least 16 and at most 256 addresses.</summary>
    public ulong StaticBand => Size < 16 ? 0 : Math.Clamp(Size / 16, 16, 256);

    private static UInt128 ToNumber(IPAddress ip)
    {
        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out var written);
        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static IPAddress FromNumber(UInt128 n, AddressFamily family)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (family == AddressFamily.InterNetwork)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)n);
            return new IPAddress(bytes[..4]);
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, n);
        return new IPAddress(bytes);
    }
}
