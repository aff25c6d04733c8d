using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Tests.Patch;

/// <summary>Compares JSON semantically (key order ignored) and shows both documents on failure.</summary>
internal static class JsonAssert
{
    internal static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(expectedNode, actual))
        {
            Assert.Fail($"JSON differs.\nExpected: {expectedNode?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
        }
    }
}
