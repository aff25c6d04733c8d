using System.Net.Http.Headers;
using System.Text.Json;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.Client.Rest;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>
/// Untyped list and delete of any resource in <see cref="ResourceTable"/> (the slice of client-go's dynamic client
/// the namespace controller needs): only names are read, so every kind works without its model type.
/// </summary>
internal sealed partial class DynamicResources(KubeClient client)
{
    /// <summary>Names and finalizers of every object of <paramref name="resource"/> in <paramref name="ns"/>.</summary>
    public async Task<IReadOnlyList<ObjectSummary>> ListAsync(ResourceInfo resource, string ns, CancellationToken ct)
    {
        using var doc = await SendAsync(HttpMethod.Get, CollectionPath(resource, ns), null, ct);
        var found = new List<ObjectSummary>();
        if (!doc.RootElement.TryGetProperty("items", out var items)) return found;
        foreach (var item in items.EnumerateArray())
        {
            var meta = item.GetProperty("metadata");
            var finalizers = meta.TryGetProperty("finalizers", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
                : [];
            found.Add(new ObjectSummary(meta.GetProperty("name").GetString() ?? "", finalizers));
        }
        return found;
    }

    /// <summary>DELETE with background propagation (what upstream's namespace deleter asks for); NotFound is success.</summary>
    public async Task DeleteAsync(ResourceInfo resource, string ns, string name, CancellationToken ct)
    {
        var options = new V1DeleteOptions { ApiVersion = "v1", Kind = "DeleteOptions", PropagationPolicy = "Background" };
        try
        {
            using var _ = await SendAsync(HttpMethod.Delete, CollectionPath(resource, ns) + "/" + Uri.EscapeDataString(name),
                KubeJson.Serialize(options), ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Deleted by someone else meanwhile.
        }
    }

    /// <summary>PUT of a raw body to a path (the namespaces/{name}/finalize subresource has no typed call).</summary>
    public async Task PutAsync(string path, byte[] body, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Put, path, body, ct);
    }

    private static string CollectionPath(ResourceInfo r, string ns)
    {
        var root = r.Group.Length == 0 ? "/api/v1" : $"/apis/{r.Group}/{r.Version}";
        return r.Namespaced ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{r.Resource}" : $"{root}/{r.Resource}";
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken ct,
        string contentType = "application/json")
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(client.Config.RequestTimeout);
        using var request = new HttpRequestMessage(method, path);
        if (body != null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.Http.SendAsync(request, timeout.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        if (!response.IsSuccessStatusCode) throw KubeApiException.FromResponse((int)response.StatusCode, bytes);
        return JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
    }
}
