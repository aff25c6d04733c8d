using System.Buffers.Binary;

namespace KubeSharp.ApiMachinery.Protobuf;

// Forward-only reader of protobuf wire format over untrusted bytes: every read is bounds-checked and reports
// failure instead of throwing, and every successful read advances, so a decode loop always terminates.
internal ref struct WireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly bool AtEnd => _pos >= _data.Length;

    public readonly int Position => _pos;

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length)
            {
                return false;
            }

            byte b = _data[_pos++];
            // The tenth byte may only carry the top bit of a 64-bit value.
            if (shift == 63 && b > 1)
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }
        return false;
    }

    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        fieldNumber = 0;
        wireType = 0;
        if (!TryReadVarint(out var tag) || tag > uint.MaxValue)
        {
            return false;
        }

        fieldNumber = (int)(tag >> 3);
        wireType = (WireType)(tag & 7);
        return fieldNumber > 0;
    }

    public bool TryReadLengthDelimited(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadVarint(out var length) || length > (ulong)(_data.Length - _pos))
        {
            return false;
        }

        bytes = _data.Slice(_pos, (int)length);
        _pos += (int)length;
        return true;
    }

    public bool TryReadFixed32(out uint value)
    {
        value = 0;
        if (_data.Length - _pos < 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_pos..]);
        _pos += 4;
        return true;
    }

    public bool TryReadFixed64(out ulong value)
    {
        value = 0;
        if (_data.Length - _pos < 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_pos..]);
        _pos += 8;
        return true;
    }

    // Unknown fields are skipped by wire type; groups are refused (Kubernetes never sends them).
    public bool TrySkip(WireType wireType) => wireType switch
    {
        WireType.Varint => TryReadVarint(out _),
        WireType.Fixed64 => TryReadFixed64(out _),
        WireType.LengthDelimited => TryReadLengthDelimited(out _),
        WireType.Fixed32 => TryReadFixed32(out _),
        _ => false,
    };
}
