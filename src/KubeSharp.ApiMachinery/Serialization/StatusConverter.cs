using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// metav1.Status as the official client reads it: a body that does not fit the Status shape (a proxy's error page
/// in JSON, an object where a Status was expected) becomes an empty Status instead of an exception, so callers fall
/// back to the HTTP code. Written as the plain object, without the client-side <c>hasObject</c> flag.
/// </summary>
internal sealed class StatusConverter : JsonConverter<V1Status>
{
    /// <summary>The Status's own metadata, from a context whose options lack this converter (no recursion).</summary>
    private static readonly JsonTypeInfo<V1Status> Plain = CreatePlain();

    public override V1Status Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        try
        {
            return doc.RootElement.Deserialize(Plain) ?? new V1Status();
        }
        catch (JsonException)
        {
            return new V1Status();
        }
    }

    public override void Write(Utf8JsonWriter writer, V1Status value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Plain);

    private static JsonTypeInfo<V1Status> CreatePlain()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = StatusJsonContext.Default.WithAddedModifier(static info =>
            {
                if (info.Type != typeof(V1Status)) return;
                for (var i = info.Properties.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(info.Properties[i].Name, "hasObject", StringComparison.OrdinalIgnoreCase)) info.Properties.RemoveAt(i);
                }
            }),
        };
        o.MakeReadOnly();
        return (JsonTypeInfo<V1Status>)o.GetTypeInfo(typeof(V1Status));
    }
}

/// <summary>V1Status alone, for <see cref="StatusConverter"/>; metadata only (the converter's options are not the generated ones).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(V1Status))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
