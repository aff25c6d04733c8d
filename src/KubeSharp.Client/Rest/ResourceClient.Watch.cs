using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.Client.Rest;

public sealed partial class ResourceClient<T>
{
    /// <summary>
    /// Opens a watch and yields its events until the server ends the stream (timeoutSeconds, shutdown) or
    /// <paramref name="ct"/> is cancelled. An HTTP error before the stream starts (e.g. 410) throws
    /// <see cref="KubeApiException"/>; an ERROR event inside the stream is yielded, not thrown.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? ns, ListOptions? options = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var path = CollectionPath(ns) + (options ?? new ListOptions()).ToQuery(true);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw ToException((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
            {
                // The connection dropped mid-stream: to the caller that is the same as the server ending the watch,
                // and it resumes from the last resourceVersion it saw.
                yield break;
            }
            if (line == null) yield break;
            if (line.Length == 0) continue;
            yield return Decode(line);
        }
    }

    private static WatchEvent<T> Decode(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var typeName = root.GetProperty("type").GetString();
        var obj = root.GetProperty("object");
        var type = typeName switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            _ => throw new JsonException($"unknown watch event type {typeName}"),
        };
        return type == WatchEventType.Error
            ? new WatchEvent<T>(type, null, obj.Deserialize<V1Status>(KubeJson.Options))
            : new WatchEvent<T>(type, obj.Deserialize<T>(KubeJson.Options), null);
    }
}
