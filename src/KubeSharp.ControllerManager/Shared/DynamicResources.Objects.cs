using System.Text.Json;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>Untyped single-object calls on metadata only (what the garbage collector needs of any kind).</summary>
internal sealed partial class DynamicResources
{
    /// <summary>The live object's metadata, or null when it does not exist.</summary>
    public async Task<V1ObjectMeta?> GetMetadataAsync(ResourceInfo resource, string ns, string name, CancellationToken ct)
    {
        try
        {
            using var doc = await SendAsync(HttpMethod.Get, ObjectPath(resource, ns, name), null, ct);
            return doc.RootElement.TryGetProperty("metadata", out var meta)
                ? meta.Deserialize<V1ObjectMeta>(KubeJson.Options)
                : null;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>DELETE with a propagation policy and a uid precondition; false when the object is gone or replaced.</summary>
    public async Task<bool> DeleteAsync(ResourceInfo resource, string ns, string name, string uid, string propagationPolicy,
        CancellationToken ct)
    {
        var options = new V1DeleteOptions
        {
            ApiVersion = "v1",
            Kind = "DeleteOptions",
            PropagationPolicy = propagationPolicy,
            Preconditions = new V1Preconditions { Uid = uid },
        };
        try
        {
            using var _ = await SendAsync(HttpMethod.Delete, ObjectPath(resource, ns, name), KubeJson.Serialize(options), ct);
            return true;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e) || ApiErrors.IsConflict(e))
        {
            // Gone, or a new object of the same name (the uid precondition failed): nothing of ours to delete.
            return false;
        }
    }

    /// <summary>JSON merge patch of the object; the caller puts resourceVersion and uid in it for compare-and-swap.</summary>
    public async Task MergePatchAsync(ResourceInfo resource, string ns, string name, object patch, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(patch, KubeJson.Options);
        using var _ = await SendAsync(HttpMethod.Patch, ObjectPath(resource, ns, name), body, ct, "application/merge-patch+json");
    }

    private static string ObjectPath(ResourceInfo r, string ns, string name) =>
        CollectionPath(r, ns) + "/" + Uri.EscapeDataString(name);
}
