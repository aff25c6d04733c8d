using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// Reads selectable fields from an object's JSON by their dotted path (<c>metadata.name</c>, <c>status.phase</c>,
/// <c>spec.hostNetwork</c>). Scalars print as upstream's field sets do: strings as-is, booleans as
/// <c>true</c>/<c>false</c>, numbers in their JSON spelling. Which fields a kind supports is the caller's decision
/// (upstream rejects others with <c>field label not supported</c>).
/// </summary>
public readonly struct JsonFieldSource(JsonObject obj) : IFieldSource
{
    public string? GetField(string field)
    {
        JsonNode? current = obj;
        var rest = field.AsSpan();
        while (current is JsonObject node)
        {
            var dot = rest.IndexOf('.');
            var name = dot < 0 ? rest : rest[..dot];
            if (!node.TryGetPropertyValue(name.ToString(), out current))
            {
                return null;
            }

            if (dot < 0)
            {
                return current is JsonValue value ? Format(value) : null;
            }

            rest = rest[(dot + 1)..];
        }

        return null;
    }

    private static string? Format(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };
}
