using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// Any XxxList: list metadata (resourceVersion, continue) and the items, so one client serves every kind. It lives
/// next to <see cref="KubeJson"/> because the source-generated context lists the node kinds' lists by this type.
/// </summary>
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
