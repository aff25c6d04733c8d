using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Compares JSON by meaning: object keys sorted, numbers by value, so that failures show a readable text diff.
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true };

    public static void Equal(string expectedJson, JsonNode? actual) =>
        Assert.Equal(Canonical(JsonNode.Parse(expectedJson)), Canonical(actual));

    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString(_indented) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(decimal.Parse(value.ToJsonString())),
        _ => node?.DeepClone(),
    };
}
