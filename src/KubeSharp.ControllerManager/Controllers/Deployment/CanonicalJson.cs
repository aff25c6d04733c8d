using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>JSON text with object keys sorted at every level: equal objects give equal text whatever the key order.</summary>
internal static class CanonicalJson
{
    public static string Of(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Of(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Of)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
