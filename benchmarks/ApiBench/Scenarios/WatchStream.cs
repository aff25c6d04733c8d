using System.Diagnostics;
using System.Buffers.Text;
using System.Net;
using System.Text;
using KubeSharp.Benchmarks.ApiBench.Http;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>
/// One open watch: reads newline-delimited events and stamps, per expected pod, the moment its event was read.
/// Pods are recognised by name ("&lt;prefix&gt;-NNNNNN" → index NNNNNN) straight from the bytes, without a JSON
/// parse, so a thousand readers on two cores measure the server's fan-out rather than the client's parser.
/// </summary>
internal sealed class WatchStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly int _watcher;
    private readonly int _events;
    private readonly byte[] _marker;

    private WatchStream(HttpResponseMessage response, Stream body, int watcher, int events, string prefix)
    {
        _response = response;
        _body = body;
        _watcher = watcher;
        _events = events;
        _marker = Encoding.UTF8.GetBytes($"\"name\":\"{prefix}-");
    }

    /// <summary>The HTTP version the server answered with.</summary>
    public Version Version => _response.Version;

    /// <summary>The stream ended before all events arrived.</summary>
    public bool ClosedEarly { get; private set; }

    /// <summary>The first ERROR event or read failure, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Returns once the server sent the response headers, i.e. the watch is registered.</summary>
    public static async Task<WatchStream> OpenAsync(HttpClient client, string url, int watcher, int events, string prefix, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(KubeApi.Request(client, HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"watch {watcher}: {(int)response.StatusCode} {text}");
        }

        return new WatchStream(response, await response.Content.ReadAsStreamAsync(cancellationToken), watcher, events, prefix);
    }

    /// <summary>Reads until every expected event arrived, the stream ends, or cancellation.</summary>
    public async Task ReadAsync(long[] arrivals, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int start = 0, end = 0, seen = 0;
        try
        {
            while (seen < _events)
            {
                if (end == buffer.Length)
                {
                    // Make room: drop consumed bytes, or grow for a line longer than the buffer.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    else
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                }
                var read = await _body.ReadAsync(buffer.AsMemory(end), cancellationToken);
                if (read == 0)
                {
                    ClosedEarly = true;
                    return;
                }
                var now = Stopwatch.GetTimestamp();
                end += read;
                int newline;
                while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
                {
                    seen += OnLine(buffer.AsSpan(start, newline), now, arrivals);
                    start += newline + 1;
                }
                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            Error ??= $"watch {_watcher}: {e.Message}";
        }
    }

    public void Dispose()
    {
        _body.Dispose();
        _response.Dispose();
    }

    private int OnLine(ReadOnlySpan<byte> line, long now, long[] arrivals)
    {
        var at = line.IndexOf(_marker);
        if (at < 0)
        {
            if (line.IndexOf("\"type\":\"ERROR\""u8) >= 0)
            {
                Error ??= $"watch {_watcher}: {Encoding.UTF8.GetString(line[..Math.Min(line.Length, 300)])}";
            }
            return 0;
        }
        var digits = line[(at + _marker.Length)..];
        digits = digits[..digits.IndexOf((byte)'"')];
        if (!Utf8Parser.TryParse(digits, out int index, out _) || index >= _events || arrivals[_watcher * _events + index] != 0)
        {
            return 0;
        }
        arrivals[_watcher * _events + index] = now;
        return 1;
    }
}
