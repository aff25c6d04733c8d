using k8s.Models;
using KubeSharp.ApiMachinery.Quota;

namespace KubeSharp.ApiMachinery.Tests.Quota;

public sealed class ResourceListsTests
{
    private static Dictionary<string, ResourceQuantity> L(params (string Name, string Value)[] entries) =>
        entries.ToDictionary(e => e.Name, e => new ResourceQuantity(e.Value));

    [Fact]
    public void Add_keeps_the_format_and_a_zero_takes_the_added_format()
    {
        var sum = ResourceLists.Add(L(("memory", "1Gi"), ("cpu", "0")), L(("memory", "512Mi"), ("cpu", "250m"), ("pods", "1")));
        Assert.Equal("1536Mi", sum["memory"].ToString());
        Assert.Equal("250m", sum["cpu"].ToString());
        Assert.Equal("1", sum["pods"].ToString());
    }

    [Fact]
    public void Subtract_never_goes_below_zero()
    {
        var diff = ResourceLists.SubtractNonNegative(L(("pods", "1"), ("cpu", "1")), L(("cpu", "2"), ("memory", "1Gi")));
        Assert.Equal("1", diff["pods"].ToString());
        Assert.Equal("0", diff["cpu"].ToString());
        Assert.Equal("0", diff["memory"].ToString());
    }

    [Fact]
    public void Exceeding_and_pretty_print_read_as_upstream_messages()
    {
        var used = L(("pods", "3"), ("cpu", "500m"), ("memory", "2Gi"));
        var exceeded = ResourceLists.Exceeding(used, L(("pods", "2"), ("memory", "1Gi"), ("cpu", "1")));
        Assert.Equal(["memory", "pods"], exceeded);
        Assert.Equal("memory=2Gi,pods=3", ResourceLists.PrettyPrint(ResourceLists.Mask(used, exceeded)));
    }

    [Fact]
    public void Equal_compares_values_not_formats()
    {
        Assert.True(ResourceLists.Equal(L(("cpu", "1")), L(("cpu", "1000m"))));
        Assert.False(ResourceLists.Equal(L(("cpu", "1")), L(("cpu", "1"), ("pods", "0"))));
    }
}
