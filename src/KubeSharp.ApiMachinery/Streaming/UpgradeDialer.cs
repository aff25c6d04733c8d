using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace KubeSharp.ApiMachinery.Streaming;

/// <summary>An HTTP/1.1 request that asks the peer to switch protocols (WebSocket or SPDY).</summary>
public sealed record UpgradeRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>
/// The peer's answer to an <see cref="UpgradeRequest"/>. On 101 <see cref="Stream"/> is the raw connection after the
/// response head (bytes the peer sent early included); otherwise <see cref="Body"/> holds the (bounded) error body.
/// </summary>
public sealed class UpgradeResponse(int statusCode, string reason, IReadOnlyList<KeyValuePair<string, string>> headers, Stream stream, byte[] body)
    : IAsyncDisposable
{
    public int StatusCode { get; } = statusCode;
    public string Reason { get; } = reason;
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;
    public Stream Stream { get; } = stream;
    public byte[] Body { get; } = body;

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

/// <summary>
/// Opens a connection and performs an HTTP/1.1 upgrade handshake by hand, then hands back the raw byte stream. This
/// is what an upgrade-aware proxy needs: HttpClient hides the connection after a 101, and the proxies in front of
/// exec, attach and port-forward must relay the peer's own handshake answer (Sec-WebSocket-Accept, the chosen
/// subprotocol) and then copy bytes without understanding them.
/// </summary>
public static class UpgradeDialer
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxErrorBody = 1024 * 1024;

    /// <summary>Dials <paramref name="request"/>; TLS when the URL's scheme is https or wss (with <paramref name="tls"/>).</summary>
    public static async Task<UpgradeResponse> DialAsync(UpgradeRequest request, SslClientAuthenticationOptions? tls, CancellationToken ct)
    {
        var url = request.Url;
        var secure = url.Scheme is "https" or "wss";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(url.Host, url.Port, ct);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (secure)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                var options = tls ?? new SslClientAuthenticationOptions();
                options.TargetHost ??= url.Host;
                // Plain HTTP/1.1 only: an upgrade cannot happen over HTTP/2.
                options.ApplicationProtocols = [SslApplicationProtocol.Http11];
                await ssl.AuthenticateAsClientAsync(options, ct);
                stream = ssl;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        try
        {
            await stream.WriteAsync(RequestHead(request), ct);
            await stream.FlushAsync(ct);
            var (head, leftover) = await ReadHeadAsync(stream, ct);
            var (status, reason, headers) = ParseHead(head);
            var rest = leftover.Length > 0 ? new PrefixedStream(leftover, stream) : stream;
            if (status == 101) return new UpgradeResponse(status, reason, headers, rest, []);
            var body = await ReadBodyAsync(rest, headers, ct);
            return new UpgradeResponse(status, reason, headers, rest, body);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static byte[] RequestHead(UpgradeRequest request)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method).Append(' ').Append(request.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        sb.Append("Host: ").Append(request.Url.Authority).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (name.AsSpan().IndexOfAny('\r', '\n') >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"header {name} contains a line break");
            }
            sb.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        sb.Append("Content-Length: 0\r\n\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static async Task<(byte[] Head, byte[] Leftover)> ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[8192];
        var total = new MemoryStream();
        while (true)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0) throw new IOException("the peer closed the connection before answering the upgrade request");
            total.Write(buffer, 0, n);
            var data = total.GetBuffer().AsSpan(0, (int)total.Length);
            var end = data.IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (data[..end].ToArray(), data[(end + 4)..].ToArray());
            }
            if (total.Length > MaxHeadBytes) throw new IOException("the peer's response head is too large");
        }
    }

    private static (int Status, string Reason, List<KeyValuePair<string, string>> Headers) ParseHead(byte[] head)
    {
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(statusLine[1], out var status))
        {
            throw new IOException($"malformed response status line: {lines[0]}");
        }
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return (status, statusLine.Length > 2 ? statusLine[2] : "", headers);
    }

    private static async Task<byte[]> ReadBodyAsync(Stream stream, List<KeyValuePair<string, string>> headers, CancellationToken ct)
    {
        var lengthHeader = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var chunked = headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        var body = new MemoryStream();
        if (long.TryParse(lengthHeader, out var length))
        {
            var buffer = new byte[8192];
            var remaining = Math.Min(length, MaxErrorBody);
            while (remaining > 0)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), ct);
                if (n == 0) break;
                body.Write(buffer, 0, n);
                remaining -= n;
            }
            return body.ToArray();
        }
        if (chunked) return await ReadChunkedAsync(stream, ct);
        // Neither length nor chunking: the body runs to the end of the connection.
        var tail = new byte[8192];
        int read;
        while (body.Length < MaxErrorBody && (read = await stream.ReadAsync(tail, ct)) > 0) body.Write(tail, 0, read);
        return body.ToArray();
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, CancellationToken ct)
    {
        var body = new MemoryStream();
        var reader = new LineReader(stream);
        while (body.Length < MaxErrorBody)
        {
            var sizeLine = await reader.ReadLineAsync(ct);
            if (sizeLine == null) break;
            var size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0) break;
            var chunk = await reader.ReadExactlyAsync(size, ct);
            body.Write(chunk);
            await reader.ReadLineAsync(ct);
        }
        return body.ToArray();
    }

    /// <summary>Byte-at-a-time line reader for the (small, rare) chunked error bodies.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var sb = new StringBuilder();
            while (true)
            {
                if (await stream.ReadAsync(_one, ct) == 0) return sb.Length == 0 ? null : sb.ToString();
                if (_one[0] == '\n') return sb.ToString().TrimEnd('\r');
                sb.Append((char)_one[0]);
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken ct)
        {
            var data = new byte[count];
            await stream.ReadExactlyAsync(data, ct);
            return data;
        }
    }
}
