using System.Buffers.Binary;
using System.Text;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Minimal protobuf encoder for hand-built test bodies, including shapes Go never writes (packed, unknown fields).
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    public ProtoWriter Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

    public ProtoWriter RawVarint(ulong value)
    {
        for (; value >= 0x80; value >>= 7)
        {
            _bytes.Add((byte)(value | 0x80));
        }

        _bytes.Add((byte)value);
        return this;
    }

    public ProtoWriter Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public ProtoWriter Int(int field, long value) => Tag(field, 0).RawVarint(unchecked((ulong)value));

    public ProtoWriter Bool(int field, bool value) => Int(field, value ? 1 : 0);

    public ProtoWriter Fixed32(int field, uint value)
    {
        var buffer = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        return Tag(field, 5).Raw(buffer);
    }

    public ProtoWriter Fixed64(int field, ulong value)
    {
        var buffer = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        return Tag(field, 1).Raw(buffer);
    }

    public ProtoWriter Bytes(int field, byte[] value) => Tag(field, 2).RawVarint((ulong)value.Length).Raw(value);

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter MapEntry(int field, string key, string value) =>
        Message(field, new ProtoWriter().String(1, key).String(2, value));

    public byte[] ToArray() => [.. _bytes];

    // k8s\0 + runtime.Unknown{typeMeta, raw, contentEncoding, contentType}, as kubectl sends it.
    public static byte[] Envelope(string apiVersion, string kind, ProtoWriter obj, string contentEncoding = "", string contentType = "") =>
        [.. "k8s\0"u8, .. new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, apiVersion).String(2, kind))
            .Message(2, obj)
            .String(3, contentEncoding)
            .String(4, contentType)
            .ToArray()];
}
