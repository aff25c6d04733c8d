using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiMachinery.Tests.Patch;

public sealed class PatchTypesTests
{
    [Theory]
    [InlineData("application/json-patch+json", true, PatchType.Json)]
    [InlineData("application/merge-patch+json", true, PatchType.Merge)]
    [InlineData("application/strategic-merge-patch+json; charset=utf-8", true, PatchType.StrategicMerge)]
    [InlineData("Application/Apply-Patch+YAML", true, PatchType.Apply)]
    [InlineData("application/json", false, PatchType.Json)]
    [InlineData(null, false, PatchType.Json)]
    public void ParsesContentTypes(string? contentType, bool known, PatchType expected)
    {
        Assert.Equal(known, PatchTypes.TryParse(contentType, out var type));
        if (known)
        {
            Assert.Equal(expected, type);
        }
    }

    [Theory]
    [InlineData(PatchType.Json, """[{"op":"replace","path":"/spec/replicas","value":3}]""", """{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"a"}]}}}}""")]
    [InlineData(PatchType.Merge, """{"spec":{"template":{"spec":{"containers":[{"name":"b"}]}}}}""", """{"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"b"}]}}}}""")]
    [InlineData(PatchType.StrategicMerge, """{"spec":{"template":{"spec":{"containers":[{"name":"b"}]}}}}""", """{"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}}}""")]
    public void Dispatches(PatchType type, string patch, string expected)
    {
        var original = JsonNode.Parse("""{"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"a"}]}}}}""")!;
        JsonAssert.Equal(expected, PatchTypes.Apply(type, original, JsonNode.Parse(patch)!, typeof(V1Deployment)));
    }

    [Fact]
    public void StrategicMergeWithoutModelIsUnsupported()
    {
        var error = Assert.Throws<PatchException>(() =>
            PatchTypes.Apply(PatchType.StrategicMerge, new JsonObject(), new JsonObject(), modelType: null));
        Assert.Equal(PatchErrorKind.UnsupportedMediaType, error.Kind);
    }
}
