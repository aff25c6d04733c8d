using System.Net.WebSockets;
using KubeSharp.ApiMachinery.Streaming;
using KubeSharp.Kubelet.Server.Spdy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Server;

/// <summary>Which standard streams an exec/attach session carries (stderr is off with a TTY).</summary>
internal sealed record StreamSet(bool Stdin, bool Stdout, bool Stderr, bool Tty);

internal sealed partial class StreamingHandlers
{
    // Channel numbers of the channel.k8s.io protocols; 255 is v5's "close stream" message ([255, channel]).
    private const byte StdinChannel = 0, StdoutChannel = 1, StderrChannel = 2, ErrorChannel = 3, ResizeChannel = 4, CloseChannel = 255;
    private static readonly TimeSpan StreamCreationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A WebSocket client (kubectl 1.30+: v5.channel.k8s.io; v4 accepted too) relayed to the runtime over SPDY, the
    /// way kubectl itself talks to a SPDY-only server: one SPDY stream per channel (error, stdin, stdout, stderr,
    /// resize) with upstream's "streamType" header, created before anything flows. Messages map to stream data
    /// both ways; v5's close of stdin becomes a FIN on the stdin stream, which the runtime turns into EOF on the
    /// container's stdin (containerd's WebSocket v4 has no such message, so `echo x | kubectl exec -i` hung).
    /// </summary>
    private async Task RelayWebSocketAsync(HttpContext http, Uri target, StreamSet streams)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        var chosen = SupportedChannelProtocols.FirstOrDefault(offered.Contains)
            ?? throw new KubeletHttpException(400, $"none of the offered subprotocols is supported: {string.Join(", ", offered)}; supported: {string.Join(", ", SupportedChannelProtocols)}");
        var ct = http.RequestAborted;
        var dial = await UpgradeDialer.DialAsync(new UpgradeRequest("POST", target,
        [
            new("Connection", "Upgrade"),
            new("Upgrade", "SPDY/3.1"),
            new("X-Stream-Protocol-Version", V4),
        ]), null, ct);
        if (dial.StatusCode != 101)
        {
            await dial.DisposeAsync();
            throw new KubeletHttpException(dial.StatusCode, System.Text.Encoding.UTF8.GetString(dial.Body).Trim());
        }
        await using var spdy = new SpdyConnection(dial.Stream);
        var channels = new Dictionary<uint, byte>();
        async Task<uint?> OpenAsync(bool wanted, string type, byte channel)
        {
            if (!wanted) return null;
            var id = await spdy.OpenStreamAsync([new("streamType", type)], ct);
            channels[id] = channel;
            return id;
        }
        // upstream's client order: error, stdin, stdout, stderr, then resize (TTY only).
        await OpenAsync(true, "error", ErrorChannel);
        var stdinStream = await OpenAsync(streams.Stdin, "stdin", StdinChannel);
        await OpenAsync(streams.Stdout, "stdout", StdoutChannel);
        await OpenAsync(streams.Stderr, "stderr", StderrChannel);
        var resizeStream = await OpenAsync(streams.Tty, "resize", ResizeChannel);
        var early = await AwaitRepliesAsync(spdy, channels.Keys.ToHashSet(), ct);

        // kubectl pings every 5 s: the receive loop below keeps answering while the session runs (kestrel-notes).
        using var client = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = chosen, KeepAliveInterval = TimeSpan.FromSeconds(30) });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var toClient = RuntimeToClientAsync(spdy, client, channels, early, cts.Token);
        var toRuntime = ClientToRuntimeAsync(client, spdy, stdinStream, resizeStream, closeAllowed: chosen == V5, cts.Token);
        if (await Task.WhenAny(toClient, toRuntime) == toClient)
        {
            // The runtime is done (status sent, connection closed): the client gets a proper close frame.
            await StreamPump.CloseQuietlyAsync(client);
            await Task.WhenAny(toRuntime, Task.Delay(TimeSpan.FromSeconds(2), time, CancellationToken.None));
        }
        else
        {
            // The client went away (e.g. Ctrl-C): closing the SPDY connection makes the runtime end the session.
            await spdy.DisposeAsync();
            await Task.WhenAny(toClient, Task.Delay(TimeSpan.FromSeconds(2), time, CancellationToken.None));
        }
        await cts.CancelAsync();
        LogSessionEnded(logger, target.AbsolutePath);
    }

    /// <summary>Waits until the runtime accepted every stream (SYN_REPLY); frames that come earlier are kept for the relay.</summary>
    private static async Task<List<SpdyFrame>> AwaitRepliesAsync(SpdyConnection spdy, HashSet<uint> pending, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StreamCreationTimeout);
        var early = new List<SpdyFrame>();
        while (pending.Count > 0)
        {
            SpdyFrame? frame;
            try
            {
                frame = await spdy.ReadFrameAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new KubeletHttpException(504, "timed out waiting for the runtime to accept the exec streams");
            }
            switch (frame?.Type)
            {
                case null:
                    throw new KubeletHttpException(502, "the runtime closed the connection before accepting the exec streams");
                case SpdyFrameType.SynReply:
                    pending.Remove(frame.StreamId);
                    break;
                case SpdyFrameType.RstStream:
                    throw new KubeletHttpException(502, $"the runtime refused exec stream {frame.StreamId}");
                case SpdyFrameType.Ping:
                    await spdy.PongAsync(frame.Payload, ct);
                    break;
                case SpdyFrameType.Data:
                    early.Add(frame);
                    break;
            }
        }
        return early;
    }

    private static async Task RuntimeToClientAsync(SpdyConnection spdy, WebSocket client, Dictionary<uint, byte> channels, List<SpdyFrame> early,
        CancellationToken ct)
    {
        try
        {
            foreach (var frame in early) await ForwardAsync(frame);
            while (await spdy.ReadFrameAsync(ct) is { } frame)
            {
                if (frame.Type == SpdyFrameType.Ping) await spdy.PongAsync(frame.Payload, ct);
                else if (frame.Type == SpdyFrameType.Data) await ForwardAsync(frame);
                // RST_STREAM, GOAWAY, WINDOW_UPDATE, SETTINGS: the runtime tears down after the status; the end of
                // the connection is what ends the session.
            }
        }
        catch (Exception e) when (e is IOException or WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side hung up.
        }

        async Task ForwardAsync(SpdyFrame frame)
        {
            if (frame.Payload.Length == 0 || !channels.TryGetValue(frame.StreamId, out var channel)) return;
            var message = new byte[frame.Payload.Length + 1];
            message[0] = channel;
            frame.Payload.CopyTo(message, 1);
            await client.SendAsync(message, WebSocketMessageType.Binary, true, ct);
        }
    }

    private static async Task ClientToRuntimeAsync(WebSocket client, SpdyConnection spdy, uint? stdin, uint? resize, bool closeAllowed, CancellationToken ct)
    {
        var buffer = new byte[32 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await client.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var data = message.GetBuffer().AsMemory(0, (int)message.Length);
                if (data.Length >= 1)
                {
                    var channel = data.Span[0];
                    if (channel == StdinChannel && stdin is { } s && data.Length > 1) await spdy.SendDataAsync(s, data[1..], fin: false, ct);
                    else if (channel == ResizeChannel && resize is { } r && data.Length > 1) await spdy.SendDataAsync(r, data[1..], fin: false, ct);
                    else if (channel == CloseChannel && closeAllowed && data.Length >= 2 && data.Span[1] == StdinChannel && stdin is { } c)
                        await spdy.SendDataAsync(c, ReadOnlyMemory<byte>.Empty, fin: true, ct);
                }
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Either side hung up.
        }
    }
}
