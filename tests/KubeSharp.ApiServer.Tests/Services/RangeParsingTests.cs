using System.Net;
using KubeSharp.ApiServer.Registry.Services;

namespace KubeSharp.ApiServer.Tests.Services;

/// <summary>The --service-cluster-ip-range and --service-node-port-range values and the offset arithmetic.</summary>
public sealed class RangeParsingTests
{
    [Theory]
    [InlineData("10.96.0.0/12", "10.96.0.0/12", 1048574UL, "10.96.0.1", "10.111.255.254", 256UL)]
    [InlineData("10.96.7.9/24", "10.96.7.0/24", 254UL, "10.96.7.1", "10.96.7.254", 16UL)]
    [InlineData("10.0.0.0/28", "10.0.0.0/28", 14UL, "10.0.0.1", "10.0.0.14", 0UL)]
    [InlineData("fd00:10:96::/112", "fd00:10:96::/112", 65535UL, "fd00:10:96::1", "fd00:10:96::ffff", 256UL)]
    public void ParsesCidrs(string input, string canonical, ulong size, string first, string last, ulong staticBand)
    {
        var range = ServiceIpRange.Parse(input);
        Assert.Equal(canonical, range.Cidr);
        Assert.Equal(size, range.Size);
        Assert.Equal(first, range.AddressAt(0).ToString());
        Assert.Equal(last, range.AddressAt(size - 1).ToString());
        Assert.Equal(staticBand, range.StaticBand);
        Assert.Equal(0UL, range.OffsetOf(IPAddress.Parse(first)));
        Assert.Equal(size - 1, range.OffsetOf(IPAddress.Parse(last)));
    }

    [Theory]
    [InlineData("10.96.0.0")] // network address
    [InlineData("10.111.255.255")] // broadcast
    [InlineData("10.112.0.1")]
    [InlineData("10.95.255.255")]
    [InlineData("fd00::1")]
    public void AddressesOutsideTheAllocatableRangeHaveNoOffset(string ip) =>
        Assert.Null(ServiceIpRange.Parse("10.96.0.0/12").OffsetOf(IPAddress.Parse(ip)));

    [Theory]
    [InlineData("10.96.0.0")]
    [InlineData("10.96.0.0/33")]
    [InlineData("10.96.0.0/31")]
    [InlineData("nonsense/12")]
    public void RejectsBadCidrs(string input) => Assert.Throws<FormatException>(() => ServiceIpRange.Parse(input));

    [Theory]
    [InlineData("30000-32767", 30000, 32767, 128)]
    [InlineData("30000+2767", 30000, 32767, 128)]
    [InlineData("20000-20009", 20000, 20009, 0)]
    [InlineData(" 1-65535 ", 1, 65535, 128)]
    public void ParsesPortRanges(string input, int low, int high, int staticBand)
    {
        var range = NodePortRange.Parse(input);
        Assert.Equal((low, high, staticBand), (range.Base, range.Max, range.StaticBand));
        Assert.Equal($"{low}-{high}", range.ToString());
    }

    [Theory]
    [InlineData("30000")]
    [InlineData("0-100")]
    [InlineData("30000-70000")]
    [InlineData("32767-30000")]
    [InlineData("a-b")]
    public void RejectsBadPortRanges(string input) => Assert.Throws<FormatException>(() => NodePortRange.Parse(input));
}
