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
        // Events are read and decoded as UTF-8 bytes: going through a string line and a JsonDocument cost two
        // extra passes over every event, and a scheduler or controller reads thousands per second.
        var lines = new WatchLineBuffer();
        try
        {
            while (true)
            {
                while (lines.TryTakeLine(out var offset, out var length))
                {
                    if (length == 0) continue;
                    yield return Decode(lines.Buffer.AsSpan(offset, length));
                }
                bool more;
                try
                {
                    more = await lines.FillAsync(stream, ct);
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
                {
                    // The connection dropped mid-stream: to the caller that is the same as the server ending the watch,
                    // and it resumes from the last resourceVersion it saw.
                    yield break;
                }
                if (!more)
                {
                    // A last event without its newline still counts.
                    if (lines.TryTakeRest(out var offset, out var length) && length > 0) yield return Decode(lines.Buffer.AsSpan(offset, length));
                    yield break;
                }
            }
        }
        finally
        {
            lines.Dispose();
        }
    }

    private static WatchEvent<T> Decode(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        string? typeName = null;
        ReadOnlySpan<byte> obj = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a watch event must be a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                typeName = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                var begin = (int)reader.TokenStartIndex;
                reader.Skip();
                obj = line[begin..(int)reader.BytesConsumed];
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (obj.IsEmpty) throw new JsonException("watch event without object");
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
            ? new WatchEvent<T>(type, null, KubeJson.Deserialize<V1Status>(obj))
            : new WatchEvent<T>(type, KubeJson.Deserialize<T>(obj), null);
    }
}
