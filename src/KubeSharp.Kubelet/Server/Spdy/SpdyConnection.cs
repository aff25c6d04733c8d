using System.Buffers.Binary;
using System.Text;

namespace KubeSharp.Kubelet.Server.Spdy;

/// <summary>
/// The client side of a SPDY/3.1 session over an upgraded HTTP connection, as far as the Kubernetes streaming
/// protocol needs it (the runtime's streaming server is upstream's, built on spdystream): open streams with a
/// header block, send data (a FIN half-closes the stream, which is how stdin's EOF reaches the container), answer
/// pings, read frames. Flow control is not used by that server, so no WINDOW_UPDATE is sent.
/// <para>
/// Header blocks are one zlib stream per connection. The peer's decompressor takes a stream without a preset
/// dictionary, so ours is written uncompressed: each block is a stored deflate block followed by an empty one
/// (the sync-flush marker), which makes the peer hand out the block's bytes without waiting for more. Incoming
/// header blocks are never decoded: replies only tell which stream was accepted.
/// </para>
/// </summary>
internal sealed class SpdyConnection(Stream transport) : IAsyncDisposable
{
    private const int MaxDataFrame = 32 * 1024;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _head = new byte[8];
    private uint _nextStreamId = 1;
    private bool _headerStreamStarted;

    /// <summary>Sends SYN_STREAM with the headers (names lowercased, as SPDY requires) and returns the new stream's id.</summary>
    public async Task<uint> OpenStreamAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            var id = _nextStreamId;
            _nextStreamId += 2;
            var block = HeaderBlock(headers);
            var payload = new byte[10 + block.Length];
            BinaryPrimitives.WriteUInt32BigEndian(payload, id);
            // Associated-to stream 0, priority 0, slot 0.
            block.CopyTo(payload, 10);
            await WriteControlAsync(SpdyFrameType.SynStream, 0, payload, ct);
            return id;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends data on a stream, split into frames; <paramref name="fin"/> half-closes it after the data.</summary>
    public async Task SendDataAsync(uint streamId, ReadOnlyMemory<byte> data, bool fin, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            do
            {
                var chunk = data[..Math.Min(data.Length, MaxDataFrame)];
                data = data[chunk.Length..];
                var last = data.IsEmpty;
                var head = new byte[8];
                BinaryPrimitives.WriteUInt32BigEndian(head, streamId & 0x7fff_ffff);
                head[4] = last && fin ? SpdyFrame.FlagFin : (byte)0;
                WriteLength(head, chunk.Length);
                await transport.WriteAsync(head, ct);
                if (!chunk.IsEmpty) await transport.WriteAsync(chunk, ct);
            }
            while (!data.IsEmpty);
            await transport.FlushAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Echoes a PING (the peer's ids are even; spdystream expects its pings answered).</summary>
    public async Task PongAsync(byte[] payload, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await WriteControlAsync(SpdyFrameType.Ping, 0, payload, ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads the next frame; null when the peer closed the connection.</summary>
    public async Task<SpdyFrame?> ReadFrameAsync(CancellationToken ct)
    {
        if (!await ReadExactlyOrEndAsync(_head, ct)) return null;
        var (type, flags, streamId, length) = SpdyFrame.ParseHead(_head);
        var payload = new byte[length];
        if (length > 0 && !await ReadExactlyOrEndAsync(payload, ct)) throw new IOException("SPDY connection ended inside a frame");
        if (type != SpdyFrameType.Data) streamId = SpdyFrame.ControlStreamId(type, payload);
        return new SpdyFrame(type, flags, streamId, payload);
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await transport.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0)
            {
                if (read == 0) return false;
                throw new IOException("SPDY connection ended inside a frame");
            }
            read += n;
        }
        return true;
    }

    private async Task WriteControlAsync(SpdyFrameType type, byte flags, byte[] payload, CancellationToken ct)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(head, 0x8003);
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(2), (ushort)type);
        head[4] = flags;
        WriteLength(head, payload.Length);
        await transport.WriteAsync(head, ct);
        await transport.WriteAsync(payload, ct);
        await transport.FlushAsync(ct);
    }

    private static void WriteLength(byte[] head, int length)
    {
        head[5] = (byte)(length >> 16);
        head[6] = (byte)(length >> 8);
        head[7] = (byte)length;
    }

    /// <summary>The name/value block (32-bit counts and lengths), as the next piece of the connection's zlib stream.</summary>
    private byte[] HeaderBlock(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var raw = new MemoryStream();
        var word = new byte[4];
        void Int(int v)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, v);
            raw.Write(word);
        }
        void Str(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            Int(bytes.Length);
            raw.Write(bytes);
        }
        Int(headers.Count);
        foreach (var (name, value) in headers)
        {
            Str(name.ToLowerInvariant());
            Str(value);
        }
        var data = raw.ToArray();
        if (data.Length > ushort.MaxValue) throw new ArgumentException("SPDY header block too large");

        var block = new MemoryStream();
        if (!_headerStreamStarted)
        {
            // zlib header: deflate, 32 KiB window, no preset dictionary, check bits making it divisible by 31.
            block.Write([0x78, 0x01]);
            _headerStreamStarted = true;
        }
        // Stored block (BFINAL 0, BTYPE 00, then LEN and its complement, little-endian), then the empty stored
        // block that ends a sync flush.
        block.WriteByte(0x00);
        block.Write([(byte)data.Length, (byte)(data.Length >> 8), (byte)~data.Length, (byte)(~data.Length >> 8)]);
        block.Write(data);
        block.Write([0x00, 0x00, 0x00, 0xff, 0xff]);
        return block.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await transport.DisposeAsync();
        _writeLock.Dispose();
    }
}
