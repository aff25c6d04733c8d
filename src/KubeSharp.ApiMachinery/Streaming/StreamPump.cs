using System.Net.WebSockets;

namespace KubeSharp.ApiMachinery.Streaming;

/// <summary>Copies bytes or messages between the two sides of a proxied session until either side ends.</summary>
public static class StreamPump
{
    /// <summary>
    /// Copies both directions of a proxied session until the backend side ends (EOF or error); then the client
    /// direction is cancelled. The client reaching EOF first does not end the session: an upgraded connection's
    /// request side can read as finished while the backend still has output and the final status to send (the
    /// client's hang-up shows as <paramref name="ct"/>, the request's abort token).
    /// </summary>
    public static async Task BidirectionalAsync(Stream client, Stream backend, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var toBackend = CopyAsync(client, backend, cts.Token);
        var toClient = CopyAsync(backend, client, cts.Token);
        await Quiet(toClient);
        await cts.CancelAsync();
        await Quiet(toBackend);
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            var n = await from.ReadAsync(buffer, ct);
            if (n == 0) return;
            await to.WriteAsync(buffer.AsMemory(0, n), ct);
            await to.FlushAsync(ct);
        }
    }

    /// <summary>WebSocket binary messages from <paramref name="socket"/> become raw bytes on <paramref name="stream"/> and back.</summary>
    public static async Task WebSocketToStreamAsync(WebSocket socket, Stream stream, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var inbound = Task.Run(async () =>
        {
            var buffer = new byte[32 * 1024];
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                await stream.WriteAsync(buffer.AsMemory(0, result.Count), cts.Token);
                if (result.EndOfMessage) await stream.FlushAsync(cts.Token);
            }
        }, CancellationToken.None);
        var outbound = Task.Run(async () =>
        {
            var buffer = new byte[32 * 1024];
            while (true)
            {
                var n = await stream.ReadAsync(buffer, cts.Token);
                if (n == 0) return;
                await socket.SendAsync(buffer.AsMemory(0, n), WebSocketMessageType.Binary, true, cts.Token);
            }
        }, CancellationToken.None);
        // Close the WebSocket before cancelling: cancelling a pending receive aborts it without a close frame.
        var first = await Task.WhenAny(inbound, outbound);
        await CloseQuietlyAsync(socket);
        if (first == outbound) await Task.WhenAny(inbound, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        await cts.CancelAsync();
        await Task.WhenAll(Quiet(inbound), Quiet(outbound));
    }

    public static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The peer is already gone; nothing left to tell it.
        }
    }

    private static async Task Quiet(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
            // One side hung up; the session is over either way.
        }
    }
}
