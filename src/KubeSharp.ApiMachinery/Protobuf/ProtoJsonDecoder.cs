using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Protobuf;

// Walks protobuf wire data with the schema and builds the JSON that Go's encoding/json would produce for the same
// Go struct. Present fields are emitted, except zero values of fields marked omitempty; repeated fields become
// arrays, maps objects, bytes base64; well-known messages take their custom JSON forms. Every method returns null
// on success or an error message; nothing here throws on malformed input.
internal static class ProtoJsonDecoder
{
    // Deep enough for any Kubernetes object (a CronJob's pod affinity terms nest about 15 messages), shallow enough
    // that the JSON stays within System.Text.Json's default depth of 64 even with arrays in between.
    public const int MaxDepth = 30;

    public static string? DecodeInto(ReadOnlySpan<byte> data, ProtoMessage type, JsonObject target, int depth)
    {
        if (depth > MaxDepth)
            return $"{type.FullName}: messages nested deeper than {MaxDepth}";
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out int number, out var wireType))
                return $"{type.FullName}: malformed field tag";
            if (!type.Fields.TryGetValue(number, out var field))
            {
                if (!reader.TrySkip(wireType))
                    return $"{type.FullName}: malformed unknown field {number} (wire type {(int)wireType})";
                continue;
            }

            var error = field.IsMap ? DecodeMapEntry(ref reader, wireType, field, target, depth)
                : field.Repeated ? DecodeRepeated(ref reader, wireType, field, target, depth)
                : DecodeSingular(ref reader, wireType, field, target, depth);
            if (error is not null)
                return $"{type.FullName}.{field.Name}: {error}";
        }
        return null;
    }

    private static string? DecodeMapEntry(ref WireReader reader, WireType wireType, ProtoField field, JsonObject target, int depth)
    {
        if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var entry))
            return "malformed map entry";
        var error = ReadMapEntry(entry, field, depth, out var key, out var value);
        if (error is not null)
            return error;
        if (target[field.JsonName] is not JsonObject map)
            target[field.JsonName] = map = [];
        map[key] = value;
        return null;
    }

    private static string? DecodeSingular(ref WireReader reader, WireType wireType, ProtoField field, JsonObject target, int depth)
    {
        if (field.Message is { WellKnown: WellKnownMessage.None } message)
        {
            if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var bytes))
                return "malformed embedded message";
            // An inline (embedded) struct shares its parent's JSON object. A message that occurs twice merges, as
            // in every protobuf decoder.
            JsonObject destination;
            if (field.Inline)
                destination = target;
            else if (target[field.JsonName] is JsonObject existing)
                destination = existing;
            else
                target[field.JsonName] = destination = [];
            return DecodeInto(bytes, message, destination, depth + 1);
        }

        var error = ReadValue(ref reader, wireType, field.Kind, field.Message, depth, out var value, out bool isZero);
        if (error is not null)
            return error;
        if (value is null || (field.OmitEmpty && isZero))
            target.Remove(field.JsonName);
        else
            target[field.JsonName] = value;
        return null;
    }

    private static string? DecodeRepeated(ref WireReader reader, WireType wireType, ProtoField field, JsonObject target, int depth)
    {
        if (target[field.JsonName] is not JsonArray array)
            target[field.JsonName] = array = [];

        if (wireType == WireType.LengthDelimited && field.Kind.IsPackable())
        {
            if (!reader.TryReadLengthDelimited(out var packed))
                return "malformed packed values";
            var inner = new WireReader(packed);
            while (!inner.AtEnd)
            {
                var error = ReadValue(ref inner, field.Kind.ExpectedWireType(), field.Kind, null, depth, out var item, out _);
                if (error is not null)
                    return error;
                array.Add(item);
            }
            return null;
        }

        var itemError = ReadValue(ref reader, wireType, field.Kind, field.Message, depth, out var value, out _);
        if (itemError is null)
            array.Add(value);
        return itemError;
    }

    private static string? ReadMapEntry(ReadOnlySpan<byte> entry, ProtoField field, int depth, out string key, out JsonNode? value)
    {
        key = "";
        value = null;
        bool hasValue = false;
        var reader = new WireReader(entry);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out int number, out var wireType))
                return "malformed map entry tag";
            string? error;
            if (number == 1)
            {
                error = ReadValue(ref reader, wireType, field.MapKeyKind, null, depth, out var keyNode, out _);
                key = keyNode is JsonValue k && k.TryGetValue(out string? s) ? s : keyNode?.ToJsonString() ?? "";
            }
            else if (number == 2)
            {
                error = ReadValue(ref reader, wireType, field.Kind, field.Message, depth, out value, out _);
                hasValue = true;
            }
            else
            {
                error = reader.TrySkip(wireType) ? null : "malformed map entry field";
            }
            if (error is not null)
                return error;
        }
        // A missing value is the type's zero value, exactly as if it had been written.
        if (!hasValue)
        {
            return field.Message is null ? ZeroScalar(field.Kind, out value) : ReadMessage([], field.Message, depth, out value);
        }
        return null;
    }

    // Reads one value of `kind`; a message value that decodes to nothing (an empty Time) yields null.
    private static string? ReadValue(ref WireReader reader, WireType wireType, ProtoKind kind, ProtoMessage? message, int depth,
        out JsonNode? value, out bool isZero)
    {
        value = null;
        isZero = false;
        var expected = kind.ExpectedWireType();
        if (wireType != expected)
            return $"wire type {(int)wireType}, expected {(int)expected}";

        switch (expected)
        {
            case WireType.Varint:
                if (!reader.TryReadVarint(out var varint))
                    return "truncated varint";
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
                    return "truncated fixed32";
                isZero = fixed32 == 0;
                return kind switch
                {
                    ProtoKind.Float => FloatValue(BitConverter.UInt32BitsToSingle(fixed32), out value),
                    ProtoKind.SFixed32 => Set(JsonValue.Create(unchecked((int)fixed32)), out value),
                    _ => Set(JsonValue.Create(fixed32), out value),
                };
            case WireType.Fixed64:
                if (!reader.TryReadFixed64(out var fixed64))
                    return "truncated fixed64";
                isZero = fixed64 == 0;
                return kind switch
                {
                    ProtoKind.Double => FloatValue(BitConverter.UInt64BitsToDouble(fixed64), out value),
                    ProtoKind.SFixed64 => Set(JsonValue.Create(unchecked((long)fixed64)), out value),
                    _ => Set(JsonValue.Create(fixed64), out value),
                };
            default:
                if (!reader.TryReadLengthDelimited(out var bytes))
                    return "truncated length-delimited value";
                isZero = bytes.IsEmpty;
                if (kind == ProtoKind.String)
                    // Go's JSON encoder also replaces invalid UTF-8 with U+FFFD.
                    return Set(JsonValue.Create(Encoding.UTF8.GetString(bytes)), out value);
                if (kind == ProtoKind.Bytes)
                    return Set(JsonValue.Create(Convert.ToBase64String(bytes)), out value);
                return ReadMessage(bytes, message!, depth, out value);
        }
    }

    private static string? ReadMessage(ReadOnlySpan<byte> bytes, ProtoMessage message, int depth, out JsonNode? value)
    {
        value = null;
        if (message.WellKnown != WellKnownMessage.None)
            return WellKnownMessages.Decode(bytes, message, depth + 1, out value);
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
