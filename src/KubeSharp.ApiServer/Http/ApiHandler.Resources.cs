using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeSharp.ApiServer.Http;

public sealed partial class ApiHandler
{
    private async Task HandleResourceAsync(HttpContext http, ApiRequestInfo info, ResourceStore? store, QueryOptions query)
    {
        var r = info.Resource;
        if (info.Verb == "unsupported" || (!r.HasVerb(info.Verb) && info.Subresource == null))
        {
            throw Errors.MethodNotSupported(r, info.Verb == "unsupported" ? http.Request.Method : info.Verb);
        }
        if (info.Resource.Namespaced && info.Namespace == null && info.Verb is not ("list" or "watch" or "deletecollection"))
        {
            // Namespaced objects are only addressable under /namespaces/{ns}/ (upstream answers 404 otherwise).
            throw Errors.PathNotFound();
        }

        if (info.Subresource != null)
        {
            await HandleSubresourceAsync(http, info, store, query);
            return;
        }
        if (store == null)
        {
            await HandleVirtualAsync(http, info, query);
            return;
        }

        switch (info.Verb)
        {
            case "get": await GetAsync(http, info, store, query); break;
            case "list": await ListAsync(http, info, store, query); break;
            case "watch": await WatchAsync(http, info, store, query); break;
            case "create": await CreateAsync(http, info, store, query); break;
            case "update": await UpdateAsync(http, info, store, query, UpdateScope.Main); break;
            case "patch": await PatchAsync(http, info, store, query, UpdateScope.Main); break;
            case "delete": await DeleteAsync(http, info, store, query); break;
            case "deletecollection": await DeleteCollectionAsync(http, info, store, query); break;
            default: throw Errors.MethodNotSupported(info.Resource, info.Verb);
        }
    }

    /// <summary>Writes a typed object as the response, as JSON or as a one-row Table.</summary>
    private async Task WriteObjectAsync(HttpContext http, int code, ResourceStore store, IKubernetesObject<V1ObjectMeta> obj)
    {
        obj.ApiVersion = store.Resource.GroupVersion;
        obj.Kind = store.Resource.Kind;
        var json = KubeJson.Serialize(obj, store.Resource.ModelType);
        await WriteMaybeTableAsync(http, code, store, json, long.TryParse(obj.Metadata?.ResourceVersion, out var rv) ? rv : 0);
    }

    private Task WriteObjectAsync(HttpContext http, int code, ResourceStore store, CreateOutcome created) =>
        WriteMaybeTableAsync(http, code, store, created.Json, long.TryParse(created.Object.Metadata?.ResourceVersion, out var rv) ? rv : 0);

    private Task WriteObjectAsync(HttpContext http, int code, ResourceStore store, UpdateOutcome outcome) =>
        outcome.Json is { } json
            ? WriteMaybeTableAsync(http, code, store, json, long.TryParse(outcome.Object.Metadata?.ResourceVersion, out var rv) ? rv : 0)
            : WriteObjectAsync(http, code, store, outcome.Object);

    private async Task WriteMaybeTableAsync(HttpContext http, int code, ResourceStore store, byte[] json, long rv)
    {
        var n = Negotiation.From(http.Request.Headers.Accept, http.Request.Query["includeObject"]);
        if (!n.Table)
        {
            await WriteJsonAsync(http, code, json);
            return;
        }
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOutput.WriterOptions))
        {
            var cached = Cache.ObjectDecoder.Decode(store.Resource, "", json, rv);
            TableWriter.Write(w, store.Resource, n, [cached], rv, null, null, _time.GetUtcNow().UtcDateTime);
        }
        await WriteJsonAsync(http, code, ms.ToArray(), $"application/json;as=Table;v={n.TableVersion};g=meta.k8s.io");
    }

    private static void AddWarnings(HttpContext http, List<string> warnings)
    {
        foreach (var w in warnings.Distinct())
        {
            http.Response.Headers.Append("Warning", $"299 - \"{w.Replace("\"", "\\\"")}\"");
        }
    }
}
