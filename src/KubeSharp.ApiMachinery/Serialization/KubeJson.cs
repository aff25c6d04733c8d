using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// JSON for API objects: the official client's serializer settings (its converters for quantities, int-or-string
/// and timestamps), plus a strict variant that reports fields the Go types would not know.
/// </summary>
public static class KubeJson
{
    /// <summary>Ignores unknown fields, like upstream's decoder with fieldValidation=Ignore.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(JsonUnmappedMemberHandling.Skip);

    /// <summary>Throws on the first unknown field; used as the fast path of Strict/Warn field validation.</summary>
    public static JsonSerializerOptions StrictOptions { get; } = CreateOptions(JsonUnmappedMemberHandling.Disallow);

    public static object Deserialize(ReadOnlySpan<byte> json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException("null object");

    public static object Deserialize(JsonNode node, Type type) =>
        node.Deserialize(type, Options) ?? throw new JsonException("null object");

    public static T Deserialize<T>(ReadOnlySpan<byte> json) => (T)Deserialize(json, typeof(T));

    public static byte[] Serialize(object obj, Type type) => JsonSerializer.SerializeToUtf8Bytes(obj, type, Options);

    public static byte[] Serialize(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public static JsonNode ToNode(object obj) => JsonSerializer.SerializeToNode(obj, obj.GetType(), Options)!;

    /// <summary>The official client keeps its options private; AddJsonOptions hands us the instance to copy.</summary>
    private static JsonSerializerOptions ClientOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(o => captured = o);
        return captured ?? throw new InvalidOperationException("KubernetesJson did not expose its options");
    }

    private static JsonSerializerOptions CreateOptions(JsonUnmappedMemberHandling unmapped)
    {
        var o = new JsonSerializerOptions(ClientOptions())
        {
            UnmappedMemberHandling = unmapped,
            // Upstream's encoder writes '<', '>' and '&' literally; only what JSON requires is escaped.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(TimeConverters.Apply);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
