using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using KubeSharp.Kubelet.Server.Spdy;

namespace KubeSharp.Kubelet.Tests.Server;

/// <summary>The SPDY/3.1 frames the kubelet writes to the runtime's streaming server, read back byte by byte.</summary>
public sealed class SpdyConnectionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Streams_get_odd_ids_and_header_blocks_form_one_inflatable_zlib_stream()
    {
        var wire = new MemoryStream();
        var spdy = new SpdyConnection(wire);
        Assert.Equal(1u, await spdy.OpenStreamAsync([new("streamType", "error")], None));
        Assert.Equal(3u, await spdy.OpenStreamAsync([new("streamType", "stdin"), new("X-Extra", "v")], None));

        var frames = await ReadAllAsync(wire.ToArray());
        Assert.Equal(2, frames.Count);
        var compressed = new MemoryStream();
        foreach (var (frame, index) in frames.Select((f, i) => (f, i)))
        {
            Assert.Equal(SpdyFrameType.SynStream, frame.Type);
            Assert.Equal((uint)(2 * index + 1), frame.StreamId);
            Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(frame.Payload.AsSpan(4)));   // not associated
            compressed.Write(frame.Payload, 10, frame.Payload.Length - 10);
        }
        var bytes = compressed.ToArray();
        // zlib header without a preset dictionary (the peer's reader then needs none).
        Assert.Equal(0x78, bytes[0]);
        Assert.Equal(0, bytes[1] & 0x20);
        Assert.Equal(0, ((bytes[0] << 8) | bytes[1]) % 31);
        using var inflater = new DeflateStream(new MemoryStream(bytes, 2, bytes.Length - 2), CompressionMode.Decompress);
        Assert.Equal([("streamtype", "error")], ReadBlock(inflater));
        Assert.Equal([("streamtype", "stdin"), ("x-extra", "v")], ReadBlock(inflater));
    }

    [Fact]
    public async Task Data_is_split_into_32KiB_frames_and_only_the_last_carries_FIN()
    {
        var wire = new MemoryStream();
        var spdy = new SpdyConnection(wire);
        var data = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();
        await spdy.SendDataAsync(5, data, fin: true, None);
        await spdy.SendDataAsync(5, ReadOnlyMemory<byte>.Empty, fin: true, None);
        await spdy.SendDataAsync(7, new byte[] { 1, 2 }, fin: false, None);

        var frames = await ReadAllAsync(wire.ToArray());
        Assert.Equal([32768, 32768, 4464, 0, 2], frames.Select(f => f.Payload.Length));
        Assert.All(frames, f => Assert.Equal(SpdyFrameType.Data, f.Type));
        Assert.Equal([5u, 5u, 5u, 5u, 7u], frames.Select(f => f.StreamId));
        Assert.Equal([false, false, true, true, false], frames.Select(f => f.Fin));
        Assert.Equal(data, frames.Take(3).SelectMany(f => f.Payload).ToArray());
    }

    [Fact]
    public async Task A_ping_is_echoed_as_a_version_3_control_frame()
    {
        var wire = new MemoryStream();
        await new SpdyConnection(wire).PongAsync([0, 0, 0, 2], None);
        Assert.Equal(new byte[] { 0x80, 0x03, 0x00, 0x06, 0x00, 0x00, 0x00, 0x04, 0, 0, 0, 2 }, wire.ToArray());
    }

    [Fact]
    public async Task Reading_stops_cleanly_at_a_frame_boundary_and_fails_inside_a_frame()
    {
        Assert.Null(await new SpdyConnection(new MemoryStream()).ReadFrameAsync(None));
        var truncated = new byte[] { 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x05, 1, 2 };
        await Assert.ThrowsAsync<IOException>(() => new SpdyConnection(new MemoryStream(truncated)).ReadFrameAsync(None));
        var spdy2 = new byte[] { 0x80, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00 };
        await Assert.ThrowsAsync<IOException>(() => new SpdyConnection(new MemoryStream(spdy2)).ReadFrameAsync(None));
    }

    private static async Task<List<SpdyFrame>> ReadAllAsync(byte[] bytes)
    {
        var reader = new SpdyConnection(new MemoryStream(bytes));
        var frames = new List<SpdyFrame>();
        while (await reader.ReadFrameAsync(None) is { } frame) frames.Add(frame);
        return frames;
    }

    private static List<(string, string)> ReadBlock(Stream s)
    {
        int Int()
        {
            var b = new byte[4];
            s.ReadExactly(b);
            return BinaryPrimitives.ReadInt32BigEndian(b);
        }
        string Str()
        {
            var b = new byte[Int()];
            s.ReadExactly(b);
            return Encoding.UTF8.GetString(b);
        }
        var count = Int();
        return Enumerable.Range(0, count).Select(_ => (Str(), Str())).ToList();
    }
}
