using System.Text.Json;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Registry;
using Microsoft.AspNetCore.Http;
using System.Buffers;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace KubeSharp.ApiServer.Http;

public sealed partial class ApiHandler
{
    /// <summary>
    /// WATCH: newline-delimited JSON events, flushed as they happen (kestrel-notes traps 1–2). resourceVersion
    /// unset or "0" starts with synthetic ADDED events for the current state; N replays every change after N from
    /// the cache window, or sends an ERROR event with 410 Expired when N is older than the window, as upstream.
    /// </summary>
    private async Task WatchAsync(HttpContext http, ApiRequestInfo info, ResourceStore store, QueryOptions query)
    {
        var filter = SelectorFilter.Create(info.Resource, info.Namespace, query.Get("labelSelector"), query.Get("fieldSelector"));
        if (info.Name != null)
        {
            filter = SelectorFilter.Create(info.Resource, info.Namespace, query.Get("labelSelector"),
                string.IsNullOrEmpty(query.Get("fieldSelector")) ? $"metadata.name={info.Name}" : $"{query.Get("fieldSelector")},metadata.name={info.Name}");
        }
        var rvParam = query.Get("resourceVersion");
        var bookmarks = query.Bool("allowWatchBookmarks");
        var timeoutSeconds = query.Long("timeoutSeconds");
        if (query.Bool("sendInitialEvents"))
        {
            throw Errors.BadRequest("sendInitialEvents is not supported by this server");
        }
        var negotiation = Negotiation.From(http.Request.Headers.Accept, http.Request.Query["includeObject"]);
        long from = 0;
        if (!string.IsNullOrEmpty(rvParam) && rvParam != "0")
        {
            from = ParseRv(rvParam);
            await WaitForRevisionAsync(from, http.RequestAborted);
        }

        // Upstream spreads watch lifetimes between 30 and 60 minutes so clients do not reconnect in lockstep.
        var lifetime = timeoutSeconds is > 0
            ? TimeSpan.FromSeconds(timeoutSeconds.Value)
            : TimeSpan.FromSeconds(1800 * (1 + Random.Shared.NextDouble()));

        CacheWatcher? watcher = null;
        StatusException? expired = null;
        try
        {
            watcher = store.Cache.Watch(filter, from, bookmarks, _feeder.Revision, 1024);
        }
        catch (TooOldException e)
        {
            expired = Errors.TooOldResourceVersion(e.Requested, e.Oldest);
        }

        var dataRate = http.Features.Get<IHttpMinResponseDataRateFeature>();
        if (dataRate != null) dataRate.MinDataRate = null;
        http.Response.StatusCode = 200;
        http.Response.ContentType = negotiation.Table ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json";
        http.Response.Headers.CacheControl = "no-cache, private";
        await http.Response.StartAsync(http.RequestAborted);
        var writer = http.Response.BodyWriter;

        if (expired != null)
        {
            writer.Write(WatchEncoding.EncodeError(StatusWriter.Failure(expired)));
            await writer.FlushAsync(http.RequestAborted);
            return;
        }
        await writer.FlushAsync(http.RequestAborted);

        using var timeout = new CancellationTokenSource(lifetime, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, http.RequestAborted);
        var first = true;
        try
        {
            var reader = watcher!.Reader;
            while (await reader.WaitToReadAsync(linked.Token))
            {
                while (reader.TryRead(out var e))
                {
                    if (negotiation.Table && e.Type != CacheEventType.Bookmark)
                    {
                        writer.Write(TableEvent(store, negotiation, e, first));
                        first = false;
                    }
                    else
                    {
                        writer.Write(e.WireJson);
                    }
                }
                var flush = await writer.FlushAsync(linked.Token);
                if (flush.IsCompleted || flush.IsCanceled) break;
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the stream simply ends, as upstream's does.
        }
        finally
        {
            store.Cache.StopWatch(watcher!);
        }
    }

    private byte[] TableEvent(ResourceStore store, Negotiation n, CacheEvent e, bool withColumns)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", WatchEncoding.TypeName(e.Type));
            w.WritePropertyName("object");
            TableWriter.Write(w, store.Resource, n, [e.Object!], e.ResourceVersion, null, null, _time.GetUtcNow().UtcDateTime, withColumns);
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }
}
