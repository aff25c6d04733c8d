using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>What an allocation key in the store holds: the Service it belongs to (so that a release only frees
/// its own entries, and the repair loop can find entries whose Service never got written).</summary>
public sealed record AllocationOwner(
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("uid")] string Uid)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, AllocationJson.Default.AllocationOwner);

    public static AllocationOwner? FromJson(byte[] value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, AllocationJson.Default.AllocationOwner);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(AllocationOwner))]
internal sealed partial class AllocationJson : JsonSerializerContext;
