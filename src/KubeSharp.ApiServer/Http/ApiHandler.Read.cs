using System.Buffers;
using System.Globalization;
using System.Text.Json;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Registry;
using KubeSharp.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeSharp.ApiServer.Http;

public sealed partial class ApiHandler
{
    private async Task GetAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        CachedObject obj;
        if (query.Get("resourceVersion") == "0")
        {
            obj = store.Cache.Get(store.Key(info.Namespace, info.Name!)) ?? throw Errors.NotFound(info.Resource, info.Name!);
        }
        else
        {
            obj = await store.GetAsync(info.Namespace, info.Name!, http.RequestAborted);
        }
        await WriteMaybeTableAsync(http, 200, store, obj.Json, obj.ResourceVersion);
    }

    /// <summary>
    /// LIST with upstream's resourceVersion semantics: unset = consistent (after the cache catches up with the
    /// store), "0" = whatever the cache has, N = not older than N (or exactly N with resourceVersionMatch=Exact,
    /// read from the store). Pages after the first, and Exact reads, come from the store at the pinned revision.
    /// </summary>
    private async Task ListAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        var filter = SelectorFilter.Create(info.Resource, info.Namespace, query.Get("labelSelector"), query.Get("fieldSelector"));
        var rvParam = query.Get("resourceVersion");
        var match = query.Get("resourceVersionMatch");
        var limit = query.Long("limit") ?? 0;
        if (limit < 0) limit = 0;
        var continueParam = query.Get("continue");
        if (match != null && string.IsNullOrEmpty(rvParam))
        {
            throw Errors.BadRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
        }
        if (match is not (null or "" or "NotOlderThan" or "Exact"))
        {
            throw Errors.BadRequest($"resourceVersionMatch \"{match}\" is not supported; supported values: \"Exact\", \"NotOlderThan\"");
        }
        if (!string.IsNullOrEmpty(continueParam) && !string.IsNullOrEmpty(rvParam) && rvParam != "0")
        {
            throw Errors.BadRequest("specifying resource version is not allowed when using continue");
        }

        List<CachedObject> items;
        long revision;
        string? next = null;
        long? remaining = null;
        var keyPrefix = store.KeyPrefix(info.Namespace);

        if (!string.IsNullOrEmpty(continueParam))
        {
            var (rv, start) = ContinueToken.Decode(continueParam);
            (items, next, remaining) = await ListFromStoreAsync(store, keyPrefix, filter, rv, start, limit, http.RequestAborted);
            revision = rv;
        }
        else if (match == "Exact")
        {
            var rv = ParseRv(rvParam!);
            (items, next, remaining) = await ListFromStoreAsync(store, keyPrefix, filter, rv, null, limit, http.RequestAborted);
            revision = rv;
        }
        else
        {
            if (string.IsNullOrEmpty(rvParam))
            {
                await _feeder.WaitFreshAsync(http.RequestAborted);
            }
            else if (rvParam != "0")
            {
                await WaitForRevisionAsync(ParseRv(rvParam), http.RequestAborted);
            }
            (items, revision) = store.Cache.List(filter, _feeder.Revision, info.Namespace != null && info.Resource.Namespaced ? keyPrefix : null);
            // Upstream serves resourceVersion=0 from its cache in one piece, ignoring limit.
            if (limit > 0 && items.Count > limit && rvParam != "0")
            {
                var rest = items.Count - (int)limit;
                items.RemoveRange((int)limit, rest);
                next = ContinueToken.Encode(revision, items[^1].Key);
                remaining = filter.HasSelectors ? null : rest;
            }
        }

        await WriteListAsync(http, info.Resource, store, items, revision, next, remaining);
    }

    private async Task<(List<CachedObject>, string?, long?)> ListFromStoreAsync(ResourceStore store, string prefix, IObjectFilter filter,
        long revision, string? start, long limit, CancellationToken cancellationToken)
    {
        var result = new List<CachedObject>();
        try
        {
            while (true)
            {
                var page = await StorePageAsync(prefix, revision, start, limit == 0 ? 0 : (int)Math.Max(limit - result.Count, 1), cancellationToken);
                foreach (var kv in page.Items)
                {
                    var obj = ObjectDecoder.Decode(store.Resource, kv.Key, kv.Value, kv.ModRevision);
                    if (filter.Matches(obj)) result.Add(obj);
                }
                if (!page.More || page.Items.Count == 0) return (result, null, null);
                start = page.Items[^1].Key;
                if (limit > 0 && result.Count >= limit)
                {
                    return (result, ContinueToken.Encode(revision, start), page.RemainingCount);
                }
            }
        }
        catch (CompactedException)
        {
            throw Errors.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
        }
        catch (FutureRevisionException)
        {
            throw Errors.Timeout($"Too large resource version: {revision}, current: {_feeder.Revision}");
        }
    }

    private Task<ListResult> StorePageAsync(string prefix, long revision, string? start, int limit, CancellationToken ct) =>
        _store.ListAsync(prefix, new ListOptions(revision, start, limit), ct).AsTask();

    private async Task WaitForRevisionAsync(long rv, CancellationToken cancellationToken)
    {
        if (!await _feeder.WaitForRevisionAsync(rv, TimeSpan.FromSeconds(3), cancellationToken))
        {
            throw Errors.Timeout($"Too large resource version: {rv}, current: {_feeder.Revision}");
        }
    }

    private static long ParseRv(string rv)
    {
        if (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Errors.BadRequest($"invalid resource version: \"{rv}\"");
        }
        return value;
    }

    private async Task WriteListAsync(HttpContext http, ResourceInfo resource, ResourceStore store, List<CachedObject> items,
        long revision, string? next, long? remaining)
    {
        var n = Negotiation.From(http.Request.Headers.Accept, http.Request.Query["includeObject"]);
        http.Response.StatusCode = 200;
        var writer = http.Response.BodyWriter;
        if (n.Table)
        {
            http.Response.ContentType = $"application/json;as=Table;v={n.TableVersion};g=meta.k8s.io";
            await using var w = new Utf8JsonWriter(writer, JsonOutput.WriterOptions);
            TableWriter.Write(w, resource, n, items, revision, next, remaining, _time.GetUtcNow().UtcDateTime);
            await w.FlushAsync(http.RequestAborted);
            return;
        }

        http.Response.ContentType = "application/json";
        var head = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(head, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", resource.ListKind);
            w.WriteString("apiVersion", resource.GroupVersion);
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", revision.ToString(CultureInfo.InvariantCulture));
            if (next != null) w.WriteString("continue", next);
            if (remaining is > 0) w.WriteNumber("remainingItemCount", remaining.Value);
            w.WriteEndObject();
            w.WritePropertyName("items");
            w.WriteStartArray();
            w.Flush();
        }
        // The list body is the cached bytes of each object, copied straight to the response: no re-serialization.
        writer.Write(head.WrittenSpan);
        var pending = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) writer.Write(","u8);
            writer.Write(items[i].Json);
            pending += items[i].Json.Length;
            if (pending > 64 * 1024)
            {
                await writer.FlushAsync(http.RequestAborted);
                pending = 0;
            }
        }
        writer.Write("]}"u8);
        await writer.FlushAsync(http.RequestAborted);
    }
}
