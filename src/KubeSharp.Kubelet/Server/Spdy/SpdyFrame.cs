using System.Buffers.Binary;

namespace KubeSharp.Kubelet.Server.Spdy;

/// <summary>SPDY/3.1 frame kinds this client reads or writes (control frame type numbers).</summary>
internal enum SpdyFrameType : ushort
{
    Data = 0,
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
}

/// <summary>
/// One frame as read: a data frame (stream id, flags, payload) or a control frame (type, flags, payload; the stream
/// id is the payload's first word for the frame types that have one).
/// </summary>
internal sealed record SpdyFrame(SpdyFrameType Type, byte Flags, uint StreamId, byte[] Payload)
{
    public const byte FlagFin = 0x01;

    public bool Fin => (Flags & FlagFin) != 0;

    /// <summary>Parses the 8-byte frame head: returns the type, flags, data stream id (0 for control frames) and length.</summary>
    public static (SpdyFrameType Type, byte Flags, uint StreamId, int Length) ParseHead(ReadOnlySpan<byte> head)
    {
        var first = BinaryPrimitives.ReadUInt32BigEndian(head);
        var flags = head[4];
        var length = (head[5] << 16) | (head[6] << 8) | head[7];
        if ((first & 0x8000_0000) == 0) return (SpdyFrameType.Data, flags, first & 0x7fff_ffff, length);
        var version = (first >> 16) & 0x7fff;
        if (version != 3) throw new IOException($"SPDY version {version} frame from the runtime; only version 3 is spoken");
        return ((SpdyFrameType)(first & 0xffff), flags, 0, length);
    }

    /// <summary>For control frames that name a stream (SYN_REPLY, RST_STREAM, HEADERS, WINDOW_UPDATE): that stream.</summary>
    public static uint ControlStreamId(SpdyFrameType type, byte[] payload) =>
        type is SpdyFrameType.SynReply or SpdyFrameType.RstStream or SpdyFrameType.Headers or SpdyFrameType.WindowUpdate or SpdyFrameType.SynStream
            && payload.Length >= 4
            ? BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7fff_ffff
            : 0;
}
