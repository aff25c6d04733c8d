using System.Net.Http.Headers;
using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.Client.Rest;

/// <summary>
/// Typed REST calls for one resource (client-go's typed clientsets, generically): paths come from the
/// <see cref="ResourceInfo"/>, bodies are the k8s.Models types in upstream's JSON. For namespaced resources a null
/// namespace on list/watch means all namespaces; for cluster-scoped ones the namespace is ignored.
/// Failures throw <see cref="KubeApiException"/> carrying the server's Status.
/// </summary>
public sealed partial class ResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;

    internal ResourceClient(HttpClient http, ResourceInfo resource, TimeSpan requestTimeout)
    {
        _http = http;
        Resource = resource;
        _requestTimeout = requestTimeout;
    }

    public ResourceInfo Resource { get; }

    public Task<T> GetAsync(string? ns, string name, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Get, ItemPath(ns, name), null, null, ct);

    public Task<ObjectList<T>> ListAsync(string? ns, ListOptions? options = null, CancellationToken ct = default) =>
        SendAsync<ObjectList<T>>(HttpMethod.Get, CollectionPath(ns) + (options ?? new ListOptions()).ToQuery(false), null, null, ct);

    /// <summary>Creates the object in its metadata.namespace (namespaced kinds) and returns what the server stored.</summary>
    public Task<T> CreateAsync(T obj, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, CollectionPath(NamespaceOf(obj)), Body(obj), JsonType, ct);

    /// <summary>PUT with the object's resourceVersion: fails with Conflict when someone wrote in between.</summary>
    public Task<T> UpdateAsync(T obj, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Put, ItemPath(NamespaceOf(obj), obj.Name()), Body(obj), JsonType, ct);

    /// <summary>PUT to the status subresource: only .status changes, as upstream's status strategies enforce.</summary>
    public Task<T> UpdateStatusAsync(T obj, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Put, ItemPath(NamespaceOf(obj), obj.Name()) + "/status", Body(obj), JsonType, ct);

    /// <summary>PATCH with one of <see cref="PatchType"/>'s content types; <paramref name="subresource"/> e.g. "status".</summary>
    public Task<T> PatchAsync(string? ns, string name, string patchType, string patch, string? subresource = null,
        CancellationToken ct = default)
    {
        var path = ItemPath(ns, name) + (subresource == null ? "" : "/" + subresource);
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(patch));
        return SendAsync<T>(HttpMethod.Patch, path, content, MediaTypeHeaderValue.Parse(patchType), ct);
    }

    /// <summary>
    /// DELETE. Returns the object when the server only marked it for deletion (finalizers, graceful deletion),
    /// null when it answered with a Success Status.
    /// </summary>
    public async Task<T?> DeleteAsync(string? ns, string name, V1DeleteOptions? options = null, CancellationToken ct = default)
    {
        HttpContent? body = options == null ? null : new ByteArrayContent(KubeJson.Serialize(options));
        var element = await SendAsync<JsonElement>(HttpMethod.Delete, ItemPath(ns, name), body, body == null ? null : JsonType, ct);
        if (element.TryGetProperty("kind", out var kind) && kind.ValueEquals("Status")) return null;
        return KubeJson.Deserialize<T>(element);
    }

    internal string CollectionPath(string? ns)
    {
        var root = Resource.Group.Length == 0 ? "/api/v1" : $"/apis/{Resource.Group}/{Resource.Version}";
        return Resource.Namespaced && !string.IsNullOrEmpty(ns)
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Resource.Resource}"
            : $"{root}/{Resource.Resource}";
    }

    private string ItemPath(string? ns, string name)
    {
        if (Resource.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Resource.QualifiedResource} is namespaced: a namespace is required", nameof(ns));
        }
        return CollectionPath(ns) + "/" + Uri.EscapeDataString(name);
    }

    private string? NamespaceOf(T obj) => Resource.Namespaced ? obj.Namespace() : null;

    private static ByteArrayContent Body(T obj) => new(JsonSerializer.SerializeToUtf8Bytes(obj, KubeJson.TypeInfo<T>()));
}
