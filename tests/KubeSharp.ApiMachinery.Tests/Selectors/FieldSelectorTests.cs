using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Selectors;

namespace KubeSharp.ApiMachinery.Tests.Selectors;

public sealed class FieldSelectorTests
{
    private readonly struct PodFields : IFieldSource
    {
        public string? GetField(string field) => field switch
        {
            "metadata.name" => "web-1",
            "metadata.namespace" => "default",
            "status.phase" => "Running",
            "spec.nodeName" => "a,b=c\\d",
            _ => null,
        };
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("metadata.name=web-1", true)]
    [InlineData("metadata.name==web-1", true)]
    [InlineData("metadata.name=web-2", false)]
    [InlineData("metadata.name!=web-2", true)]
    [InlineData("status.phase!=Running", false)]
    [InlineData("metadata.name=web-1,status.phase=Running", true)]
    [InlineData("metadata.name=web-1,status.phase=Pending", false)]
    [InlineData("spec.nodeName=a\\,b\\=c\\\\d", true)]
    [InlineData("spec.unknown=", true)]
    [InlineData("spec.unknown!=", false)]
    public void Matches(string selector, bool expected)
    {
        var parsed = FieldSelector.Parse(selector);
        Assert.Equal(expected, parsed.Matches(new PodFields()));
        Assert.Equal(expected, parsed.Matches(f => new PodFields().GetField(f)));
    }

    [Theory]
    [InlineData("b=2,a=1", "a=1,b=2")]
    [InlineData("a==1", "a=1")]
    [InlineData("a!=1", "a!=1")]
    [InlineData("a=x\\,y", "a=x\\,y")]
    public void ToStringIsCanonical(string selector, string expected)
    {
        Assert.Equal(expected, FieldSelector.Parse(selector).ToString());
    }

    [Theory]
    [InlineData("metadata.name", "invalid selector: 'metadata.name'; can't understand 'metadata.name'")]
    [InlineData("a=b=c", "invalid field selector: unescaped character in value: =")]
    [InlineData("a=b\\x", "invalid field selector: invalid escape sequence: \\x")]
    [InlineData("a\\=b=c", "invalid field selector: unescaped character in value: =")]
    [InlineData("a=b\\", "invalid field selector: invalid escape sequence: \\")]
    public void RejectsInvalid(string selector, string message)
    {
        Assert.Equal(message, Assert.Throws<SelectorParseException>(() => FieldSelector.Parse(selector)).Message);
    }

    [Theory]
    [InlineData("metadata.name=web-1", "metadata.name", true, "web-1")]
    [InlineData("metadata.name==web-1,status.phase=Running", "metadata.name", true, "web-1")]
    [InlineData("metadata.name!=web-1", "metadata.name", false, "")]
    [InlineData("status.phase=Running", "metadata.name", false, "")]
    public void ExactMatch(string selector, string field, bool found, string value)
    {
        Assert.Equal(found, FieldSelector.Parse(selector).TryGetExactMatch(field, out var actual));
        Assert.Equal(value, actual);
    }

    [Fact]
    public void RequirementsAreExposed()
    {
        var requirements = FieldSelector.Parse("status.phase!=Failed,metadata.name=x").Requirements;
        Assert.Equal(
            [new FieldRequirement("metadata.name", SelectorOperator.Equals, "x"), new FieldRequirement("status.phase", SelectorOperator.NotEquals, "Failed")],
            requirements);
        Assert.True(FieldSelector.Parse("").IsEmpty);
    }

    [Theory]
    [InlineData("metadata.name=web-1,metadata.namespace=default", true)]
    [InlineData("status.phase=Running", true)]
    [InlineData("spec.hostNetwork=true", true)]
    [InlineData("spec.priority=10", true)]
    [InlineData("spec.nodeName=", true)]
    [InlineData("status.podIP!=", false)]
    [InlineData("status.phase=Pending", false)]
    [InlineData("metadata=x", false)]
    public void MatchesJsonObjects(string selector, bool expected)
    {
        var pod = JsonNode.Parse("""
            {"metadata":{"name":"web-1","namespace":"default"},"spec":{"hostNetwork":true,"priority":10},"status":{"phase":"Running"}}
            """)!.AsObject();
        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(new JsonFieldSource(pod)));
    }

    [Fact]
    public void StructSourceMatchingDoesNotAllocate()
    {
        var selector = FieldSelector.Parse("metadata.name=web-1,status.phase!=Failed");
        selector.Matches(new PodFields());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            selector.Matches(new PodFields());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
