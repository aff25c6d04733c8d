using KubeSharp.ControllerManager.Controllers.NodeIpam;

namespace KubeSharp.ControllerManager.Tests.Controllers.NodeIpam;

public sealed class CidrSetTests
{
    [Fact]
    public void Hands_out_every_subnet_once_round_robin_then_reports_exhaustion()
    {
        var set = new CidrSet("10.244.0.0/22", 24);
        Assert.Equal(4, set.Capacity);
        Assert.True(set.Occupy("10.244.1.0/24"));
        Assert.Equal(["10.244.0.0/24", "10.244.2.0/24", "10.244.3.0/24"], new[] { set.AllocateNext()!, set.AllocateNext()!, set.AllocateNext()! });
        Assert.Null(set.AllocateNext());

        Assert.True(set.Release("10.244.0.0/24"));
        Assert.Equal("10.244.0.0/24", set.AllocateNext());
    }

    [Fact]
    public void Released_subnets_are_not_reused_before_the_rest_of_the_range()
    {
        var set = new CidrSet("10.244.0.0/16", 24);
        var first = set.AllocateNext();
        set.Release(first!);
        Assert.Equal("10.244.1.0/24", set.AllocateNext());
    }

    [Theory]
    [InlineData("10.245.0.0/24", false)] // outside the cluster CIDR
    [InlineData("10.244.0.0/15", false)] // wider than the cluster CIDR
    [InlineData("fd00::/64", false)] // other family
    [InlineData("10.244.0.0/23", true)] // covers two subnets
    [InlineData("10.244.2.128/25", true)] // inside one subnet
    public void Occupies_only_cidrs_inside_the_cluster_cidr(string cidr, bool inside)
    {
        var set = new CidrSet("10.244.0.0/22", 24);
        Assert.Equal(inside, set.Occupy(cidr));
        Assert.Equal(cidr switch { "10.244.0.0/23" => 2, "10.244.2.128/25" => 1, _ => 0 }, set.Used);
    }

    [Fact]
    public void Works_for_ipv6()
    {
        var set = new CidrSet("fd00:10::/56", 64);
        Assert.Equal(256, set.Capacity);
        Assert.Equal("fd00:10::/64", set.AllocateNext());
        Assert.Equal("fd00:10:0:1::/64", set.AllocateNext());
    }

    [Theory]
    [InlineData("10.244.0.0/16", 8)] // mask shorter than the cluster prefix
    [InlineData("10.0.0.0/8", 28)] // more than 2^16 subnets
    [InlineData("not-a-cidr", 24)]
    public void Rejects_bad_settings(string cidr, int mask) =>
        Assert.Throws<ArgumentException>(() => new CidrSet(cidr, mask));
}
