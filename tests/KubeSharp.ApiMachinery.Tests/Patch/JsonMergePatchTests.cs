using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

public sealed class JsonMergePatchTests
{
    [Theory]
    // RFC 7386 appendix A.
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    // kubectl label / annotate / scale (kubectl-wire.md §4.12, §4.13).
    [InlineData("""{"metadata":{"name":"seed","labels":{"app":"x"}}}""", """{"metadata":{"labels":{"tier":"web"}}}""", """{"metadata":{"name":"seed","labels":{"app":"x","tier":"web"}}}""")]
    [InlineData("""{"metadata":{"name":"seed"}}""", """{"metadata":{"annotations":{"note":"hello"}}}""", """{"metadata":{"name":"seed","annotations":{"note":"hello"}}}""")]
    [InlineData("""{"spec":{"replicas":1,"selector":{"app":"x"}}}""", """{"spec":{"replicas":3}}""", """{"spec":{"replicas":3,"selector":{"app":"x"}}}""")]
    [InlineData("""{"metadata":{"labels":{"app":"x","tier":"web"}}}""", """{"metadata":{"labels":{"tier":null}}}""", """{"metadata":{"labels":{"app":"x"}}}""")]
    public void Applies(string target, string patch, string expected)
    {
        var original = JsonNode.Parse(target);
        var before = original?.ToJsonString();
        JsonAssert.Equal(expected, JsonMergePatch.Apply(original, JsonNode.Parse(patch)));
        Assert.Equal(before, original?.ToJsonString());
    }
}
