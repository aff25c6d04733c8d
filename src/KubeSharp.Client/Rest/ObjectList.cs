using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeSharp.Client.Rest;

/// <summary>Any XxxList: list metadata (resourceVersion, continue) and the items, so one client serves every kind.</summary>
public sealed class ObjectList<T>
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public List<T> Items { get; set; } = [];
}
