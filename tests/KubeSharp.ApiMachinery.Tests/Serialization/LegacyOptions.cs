using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiMachinery.Tests.Serialization;

/// <summary>
/// The oracle: KubeJson's options as main built them before the generated context, by copying the official
/// client's KubernetesJson options (its converters and resolver) and adding our escaping and TimeConverters.
/// The wire tests require the new options to write exactly the bytes these write.
/// </summary>
internal static class LegacyOptions
{
    public static JsonSerializerOptions Options { get; } = Create(JsonUnmappedMemberHandling.Skip);

    public static JsonSerializerOptions StrictOptions { get; } = Create(JsonUnmappedMemberHandling.Disallow);

    private static JsonSerializerOptions ClientOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(o => captured = o);
        return captured ?? throw new InvalidOperationException("KubernetesJson did not expose its options");
    }

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped)
    {
        var o = new JsonSerializerOptions(ClientOptions())
        {
            UnmappedMemberHandling = unmapped,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(TimeConverters.Apply);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
