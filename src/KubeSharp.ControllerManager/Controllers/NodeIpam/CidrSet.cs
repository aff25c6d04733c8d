using System.Net;
using System.Net.Sockets;

namespace KubeSharp.ControllerManager.Controllers.NodeIpam;

/// <summary>
/// The subnets of one cluster CIDR and which of them are taken (upstream's cidrset.CidrSet): a bitmap of
/// 2^(maskSize - clusterPrefix) subnets, handed out round-robin from the one after the last allocation, so a
/// subnet just released is not given to the next node at once. Not thread-safe: the controller locks around it.
/// </summary>
internal sealed class CidrSet
{
    /// <summary>upstream's clusterSubnetMaxDiff: at most 2^16 subnets per cluster CIDR.</summary>
    public const int MaxSubnetBits = 16;

    private readonly UInt128 _base;
    private readonly int _addressBits;
    private readonly int _clusterPrefix;
    private readonly int _maskSize;
    private readonly bool[] _used;
    private readonly AddressFamily _family;
    private int _next;

    public CidrSet(string clusterCidr, int maskSize)
    {
        var (address, prefix) = Parse(clusterCidr) ?? throw new ArgumentException($"invalid cluster CIDR \"{clusterCidr}\"");
        _family = address.AddressFamily;
        _addressBits = _family == AddressFamily.InterNetwork ? 32 : 128;
        if (maskSize < prefix || maskSize > _addressBits)
        {
            throw new ArgumentException($"node CIDR mask size {maskSize} must be between the cluster CIDR's prefix {prefix} and {_addressBits}");
        }
        if (maskSize - prefix > MaxSubnetBits)
        {
            throw new ArgumentException($"node CIDR mask size {maskSize} cuts {clusterCidr} into more than 2^{MaxSubnetBits} subnets");
        }
        _clusterPrefix = prefix;
        _maskSize = maskSize;
        _base = ToNumber(address) & PrefixMask(prefix);
        _used = new bool[1 << (maskSize - prefix)];
    }

    public int Capacity => _used.Length;

    public int Used => _used.Count(u => u);

    /// <summary>The next free subnet in CIDR notation, or null when every subnet is taken (CIDRNotAvailable).</summary>
    public string? AllocateNext()
    {
        for (var i = 0; i < _used.Length; i++)
        {
            var candidate = (_next + i) % _used.Length;
            if (_used[candidate]) continue;
            _used[candidate] = true;
            _next = (candidate + 1) % _used.Length;
            return Format(candidate);
        }
        return null;
    }

    /// <summary>Marks the subnets <paramref name="cidr"/> covers as used; false when it lies outside the cluster CIDR.</summary>
    public bool Occupy(string cidr) => Mark(cidr, true);

    /// <summary>Frees the subnets <paramref name="cidr"/> covers; false when it lies outside the cluster CIDR.</summary>
    public bool Release(string cidr) => Mark(cidr, false);

    private bool Mark(string cidr, bool used)
    {
        if (Range(cidr) is not var (first, last)) return false;
        for (var i = first; i <= last; i++) _used[i] = used;
        return true;
    }

    /// <summary>Indexes of the subnets a CIDR covers (a wider CIDR covers several), or null when outside the cluster CIDR.</summary>
    private (int First, int Last)? Range(string cidr)
    {
        if (Parse(cidr) is not var (address, prefix) || address.AddressFamily != _family || prefix < _clusterPrefix) return null;
        var number = ToNumber(address) & PrefixMask(prefix);
        if ((number & PrefixMask(_clusterPrefix)) != _base) return null;
        var shift = _addressBits - _maskSize;
        var first = (int)((number - _base) >> shift);
        var count = prefix >= _maskSize ? 1 : 1 << (_maskSize - prefix);
        return (first, first + count - 1);
    }

    private string Format(int index)
    {
        var number = _base + ((UInt128)(uint)index << (_addressBits - _maskSize));
        var bytes = new byte[_addressBits / 8];
        for (var i = 0; i < bytes.Length; i++) bytes[bytes.Length - 1 - i] = (byte)(number >> (8 * i));
        return $"{new IPAddress(bytes)}/{_maskSize}";
    }

    private UInt128 PrefixMask(int prefix) =>
        prefix == 0 ? UInt128.Zero : (UInt128.MaxValue << (128 - prefix)) >> (128 - _addressBits);

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 n = 0;
        foreach (var b in address.GetAddressBytes()) n = (n << 8) | b;
        return n;
    }

    public static (IPAddress Address, int Prefix)? Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var address)) return null;
        if (!int.TryParse(cidr[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)) return null;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return prefix > bits ? null : (address, prefix);
    }
}
