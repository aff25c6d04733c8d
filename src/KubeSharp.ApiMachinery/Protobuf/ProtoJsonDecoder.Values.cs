using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Protobuf;

// Reading single values: scalars by wire type, embedded messages (generic or well-known).
internal static partial class ProtoJsonDecoder
{
    // Reads one value of `kind`; a message value that decodes to nothing (an empty Time) yields null.
    private static string? ReadValue(ref WireReader reader, WireType wireType, ProtoKind kind, ProtoMessage? message, int depth,
        out JsonNode? value, out bool isZero)
    {
        value = null;
        isZero = false;
        var expected = kind.ExpectedWireType();
        if (wireType != expected)
        {
            return $"wire type {(int)wireType}, expected {(int)expected}";
        }

        switch (expected)
        {
            case WireType.Varint:
                if (!reader.TryReadVarint(out var varint))
                {
                    return "truncated varint";
                }

                isZero = varint == 0;
                value = kind switch
                {
                    ProtoKind.Bool => JsonValue.Create(varint != 0),
                    // Negative int32 values travel sign-extended to 64 bits; the low 32 bits are the value.
                    ProtoKind.Int32 => JsonValue.Create(unchecked((int)varint)),
                    ProtoKind.UInt32 => JsonValue.Create(unchecked((uint)varint)),
                    ProtoKind.UInt64 => JsonValue.Create(varint),
                    ProtoKind.SInt32 => JsonValue.Create(unchecked((int)(uint)(varint >> 1) ^ -(int)(varint & 1))),
                    ProtoKind.SInt64 => JsonValue.Create(unchecked((long)(varint >> 1) ^ -(long)(varint & 1))),
                    _ => JsonValue.Create(unchecked((long)varint)),
                };
                return null;
            case WireType.Fixed32:
                if (!reader.TryReadFixed32(out var fixed32))
                {
                    return "truncated fixed32";
                }

                isZero = fixed32 == 0;
                return kind switch
                {
                    ProtoKind.Float => FloatValue(BitConverter.UInt32BitsToSingle(fixed32), out value),
                    ProtoKind.SFixed32 => Set(JsonValue.Create(unchecked((int)fixed32)), out value),
                    _ => Set(JsonValue.Create(fixed32), out value),
                };
            case WireType.Fixed64:
                if (!reader.TryReadFixed64(out var fixed64))
                {
                    return "truncated fixed64";
                }

                isZero = fixed64 == 0;
                return kind switch
                {
                    ProtoKind.Double => FloatValue(BitConverter.UInt64BitsToDouble(fixed64), out value),
                    ProtoKind.SFixed64 => Set(JsonValue.Create(unchecked((long)fixed64)), out value),
                    _ => Set(JsonValue.Create(fixed64), out value),
                };
            default:
                if (!reader.TryReadLengthDelimited(out var bytes))
                {
                    return "truncated length-delimited value";
                }

                isZero = bytes.IsEmpty;
                if (kind == ProtoKind.String)
                {
                    // Go's JSON encoder also replaces invalid UTF-8 with U+FFFD.
                    return Set(JsonValue.Create(Encoding.UTF8.GetString(bytes)), out value);
                }

                if (kind == ProtoKind.Bytes)
                {
                    return Set(JsonValue.Create(Convert.ToBase64String(bytes)), out value);
                }

                return ReadMessage(bytes, message!, depth, out value);
        }
    }

    private static string? ReadMessage(ReadOnlySpan<byte> bytes, ProtoMessage message, int depth, out JsonNode? value)
    {
        value = null;
        if (message.WellKnown != WellKnownMessage.None)
        {
            return WellKnownMessages.Decode(bytes, message, depth + 1, out value);
        }

        var obj = new JsonObject();
        var error = DecodeInto(bytes, message, obj, depth + 1);
        value = obj;
        return error;
    }

    private static string? ZeroScalar(ProtoKind kind, out JsonNode? value)
    {
        value = kind switch
        {
            ProtoKind.String or ProtoKind.Bytes => JsonValue.Create(""),
            ProtoKind.Bool => JsonValue.Create(false),
            _ => JsonValue.Create(0),
        };
        return null;
    }

    // Go's encoding/json refuses NaN and infinities, so such an object has no JSON form.
    private static string? FloatValue(float number, out JsonNode? value)
    {
        value = float.IsFinite(number) ? JsonValue.Create(number) : null;
        return value is null ? $"floating-point value {number.ToString(CultureInfo.InvariantCulture)} has no JSON form" : null;
    }

    private static string? FloatValue(double number, out JsonNode? value)
    {
        value = double.IsFinite(number) ? JsonValue.Create(number) : null;
        return value is null ? $"floating-point value {number.ToString(CultureInfo.InvariantCulture)} has no JSON form" : null;
    }

    private static string? Set(JsonNode node, out JsonNode? value)
    {
        value = node;
        return null;
    }
}
