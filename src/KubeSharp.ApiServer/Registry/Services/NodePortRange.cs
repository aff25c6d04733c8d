using System.Globalization;

namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>The node port range (<c>--service-node-port-range</c>), upstream's "base-max" or "base+size" forms,
/// both ends included (30000-32767 by default).</summary>
public sealed record NodePortRange(int Base, int Max)
{
    public static NodePortRange Default { get; } = new(30000, 32767);

    public int Size => Max - Base + 1;

    /// <summary>Upstream's static band for node ports: size/16, at least 16 and at most 128 ports.</summary>
    public int StaticBand => Size < 16 ? 0 : Math.Clamp(Size / 16, 16, 128);

    public bool Contains(int port) => port >= Base && port <= Max;

    public override string ToString() => $"{Base.ToString(CultureInfo.InvariantCulture)}-{Max.ToString(CultureInfo.InvariantCulture)}";

    public static NodePortRange Parse(string value)
    {
        var s = value.Trim();
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        var sep = dash > 0 ? dash : plus;
        if (sep <= 0 || !int.TryParse(s.AsSpan(0, sep), NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !int.TryParse(s.AsSpan(sep + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var high))
        {
            throw new FormatException($"invalid service node port range \"{value}\": want base-max, e.g. 30000-32767");
        }
        var max = sep == plus ? low + high : high;
        if (low < 1 || max > 65535 || max < low)
        {
            throw new FormatException($"invalid service node port range \"{value}\": ports must be within 1-65535 and base <= max");
        }
        return new NodePortRange(low, max);
    }
}
