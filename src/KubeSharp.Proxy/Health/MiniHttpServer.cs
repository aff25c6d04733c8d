using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KubeSharp.Proxy.Health;

/// <summary>One answer of <see cref="MiniHttpServer"/>.</summary>
public sealed record HttpReply(int Status, string ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public static HttpReply Text(int status, string body) => new(status, "text/plain; charset=utf-8", body);
    public static HttpReply Json(int status, string body, params KeyValuePair<string, string>[] headers) =>
        new(status, "application/json", body, [new("X-Content-Type-Options", "nosniff"), .. headers]);
}

/// <summary>
/// A tiny HTTP/1.1 server for the proxy's probe and metrics endpoints: GET (and HEAD) of a path, one request per
/// connection (<c>Connection: close</c>). The proxy opens one per health-check node port, which come and go with
/// services; Kestrel would be a whole host per port for a few bytes of JSON.
/// </summary>
public sealed class MiniHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener;
    private readonly Func<string, HttpReply> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;

    private MiniHttpServer(TcpListener listener, Func<string, HttpReply> handler)
    {
        _listener = listener;
        _handler = handler;
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        _accept = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The bound address (with the real port when 0 was asked for).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Listens on <paramref name="endpoint"/>; <paramref name="handler"/> maps a path to an answer.</summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, not local).</exception>
    public static MiniHttpServer Start(IPEndPoint endpoint, Func<string, HttpReply> handler)
    {
        var listener = new TcpListener(endpoint);
        listener.Start();
        return new MiniHttpServer(listener, handler);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            var stream = client.GetStream();
            var buffer = new byte[MaxHeaderBytes];
            var length = 0;
            int end;
            while ((end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (length == buffer.Length) return;
                var n = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token);
                if (n == 0) return;
                length += n;
            }
            var lineEnd = buffer.AsSpan(0, end).IndexOf("\r\n"u8);
            var requestLine = Encoding.ASCII.GetString(buffer, 0, lineEnd >= 0 ? lineEnd : end);
            var parts = requestLine.Split(' ');
            HttpReply reply;
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) reply = HttpReply.Text(400, "bad request\n");
            else if (parts[0] is not ("GET" or "HEAD")) reply = HttpReply.Text(405, "method not allowed\n");
            else reply = _handler(parts[1].Split('?')[0]);
            await stream.WriteAsync(Encode(reply, includeBody: parts[0] != "HEAD"), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // A client that went away or stalled: nothing to answer.
        }
    }

    private static byte[] Encode(HttpReply reply, bool includeBody)
    {
        var body = Encoding.UTF8.GetBytes(reply.Body);
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(Reason(reply.Status)).Append("\r\n");
        head.Append("Content-Type: ").Append(reply.ContentType).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        foreach (var (name, value) in reply.Headers ?? []) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        return includeBody ? [.. headBytes, .. body] : headBytes;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "Unknown",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accept;
        _stop.Dispose();
    }
}
