using System.Buffers;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiServer.Authentication;
using KubeSharp.ApiServer.Cache;
using KubeSharp.ApiServer.Discovery;
using KubeSharp.ApiServer.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ApiServer.Http;

/// <summary>
/// The API server's single request entry point: health and version, authentication, discovery, OpenAPI, and the
/// resource verbs. Every failure leaves as a metav1.Status; an unexpected exception is logged and answered 500
/// without taking the server down.
/// </summary>
public sealed partial class ApiHandler
{
    public const int MaxBodyBytes = 3 * 1024 * 1024;
    private readonly IReadOnlyDictionary<ResourceInfo, ResourceStore> _stores;
    private readonly CacheFeeder _feeder;
    private readonly DiscoveryDocuments _discovery;
    private readonly Authenticator _authenticator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<bool> _ready;
    private readonly KubeSharp.Storage.IStore _store;

    public ApiHandler(KubeSharp.Storage.IStore store, IReadOnlyDictionary<ResourceInfo, ResourceStore> stores, CacheFeeder feeder, DiscoveryDocuments discovery,
        Authenticator authenticator, TimeProvider time, ILogger logger, Func<bool> ready)
    {
        _store = store;
        _stores = stores;
        _feeder = feeder;
        _discovery = discovery;
        _authenticator = authenticator;
        _time = time;
        _logger = logger;
        _ready = ready;
    }

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await RouteAsync(http);
        }
        catch (StatusException e)
        {
            await WriteStatusAsync(http, e);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (BadHttpRequestException e)
        {
            await WriteStatusAsync(http, e.StatusCode == 413 ? Errors.RequestEntityTooLarge() : Errors.BadRequest(e.Message));
        }
        catch (Exception e)
        {
            LogUnhandled(_logger, http.Request.Method, http.Request.Path.Value ?? "", e);
            await WriteStatusAsync(http, Errors.Internal($"an error on the server has prevented the request from succeeding: {e.GetType().Name}"));
        }
    }

    private async Task RouteAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        switch (path)
        {
            case "/healthz" or "/livez" or "/readyz" or "/healthz/" or "/livez/" or "/readyz/":
                await WriteTextAsync(http, _ready() || path.StartsWith("/livez", StringComparison.Ordinal) ? 200 : 500, _ready() ? "ok" : "not ready");
                return;
            case "/version" or "/version/":
                await WriteJsonAsync(http, 200, VersionInfo.Json);
                return;
        }

        var user = _authenticator.Authenticate(http) ?? throw Errors.Unauthorized();
        http.Items[UserInfo.ItemKey] = user;

        if (path.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            await ServeOpenApiAsync(http, path);
            return;
        }
        if (await TryServeDiscoveryAsync(http, path)) return;

        var query = new QueryOptions(http.Request.Query);
        var info = RequestParser.Parse(http.Request.Method, path, query.Bool("watch"));
        if (info == null) throw Errors.PathNotFound();
        var store = _stores.GetValueOrDefault(info.Resource);
        await HandleResourceAsync(http, info, store, query);
    }

    private async Task<bool> TryServeDiscoveryAsync(HttpContext http, string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed is "/api" or "/apis")
        {
            var version = DiscoveryDocuments.AggregatedVersion(http.Request.Headers.Accept);
            if (version != null)
            {
                var doc = trimmed == "/api" ? _discovery.CoreAggregated[version] : _discovery.GroupsAggregated[version];
                var type = version == "v2" ? DiscoveryDocuments.AggregatedV2ContentType : DiscoveryDocuments.AggregatedV2Beta1ContentType;
                http.Response.Headers.Vary = "Accept";
                await WriteJsonAsync(http, 200, doc, type);
            }
            else
            {
                await WriteJsonAsync(http, 200, trimmed == "/api" ? _discovery.ApiVersions : _discovery.ApiGroupList);
            }
            return true;
        }
        if (trimmed == "/api/v1")
        {
            await WriteJsonAsync(http, 200, _discovery.ResourceList("v1")!);
            return true;
        }
        var parts = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[0] == "apis" && _discovery.ApiGroups.TryGetValue(parts[1], out var group))
        {
            await WriteJsonAsync(http, 200, group);
            return true;
        }
        if (parts.Length == 3 && parts[0] == "apis" && _discovery.ResourceList($"{parts[1]}/{parts[2]}") is { } list)
        {
            await WriteJsonAsync(http, 200, list);
            return true;
        }
        return false;
    }

    private static async Task ServeOpenApiAsync(HttpContext http, string path)
    {
        var doc = OpenApiEndpoint.Get(path);
        if (doc == null) throw Errors.PathNotFound();
        http.Response.Headers.CacheControl = "no-cache, private";
        await WriteJsonAsync(http, 200, doc);
    }

    internal static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        var declared = http.Request.ContentLength;
        if (declared > MaxBodyBytes) throw Errors.RequestEntityTooLarge();
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(declared ?? 4096, MaxBodyBytes) + 1);
        var body = http.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var n = await body.ReadAsync(memory, http.RequestAborted);
            if (n == 0) break;
            buffer.Advance(n);
            if (buffer.WrittenCount > MaxBodyBytes) throw Errors.RequestEntityTooLarge();
        }
        return buffer.WrittenSpan.ToArray();
    }

    internal static Task WriteJsonAsync(HttpContext http, int code, byte[] body, string contentType = "application/json")
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    private static Task WriteTextAsync(HttpContext http, int code, string text)
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, http.RequestAborted);
    }

    internal static async Task WriteStatusAsync(HttpContext http, StatusException e)
    {
        if (http.Response.HasStarted) return;
        http.Response.Clear();
        if (e.RetryAfterSeconds is { } retry) http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteJsonAsync(http, e.Code, StatusWriter.Failure(e));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled error serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception ex);
}
