using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Protobuf;

// Walks protobuf wire data with the schema and builds the JSON that Go's encoding/json would produce for the same
// Go struct. Present fields are emitted, except zero values of fields marked omitempty; repeated fields become
// arrays, maps objects, bytes base64; well-known messages take their custom JSON forms. Every method returns null
// on success or an error message; nothing here throws on malformed input.
internal static partial class ProtoJsonDecoder
{
    // Deep enough for any Kubernetes object (a CronJob's pod affinity terms nest about 15 messages), shallow enough
    // that the JSON stays within System.Text.Json's default depth of 64 even with arrays in between.
    public const int MaxDepth = 30;

    public static string? DecodeInto(ReadOnlySpan<byte> data, ProtoMessage type, JsonObject target, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"{type.FullName}: messages nested deeper than {MaxDepth}";
        }

        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out int number, out var wireType))
            {
                return $"{type.FullName}: malformed field tag";
            }

            if (!type.Fields.TryGetValue(number, out var field))
            {
                if (!reader.TrySkip(wireType))
                {
                    return $"{type.FullName}: malformed unknown field {number} (wire type {(int)wireType})";
                }

                continue;
            }

            var error = field.IsMap ? DecodeMapEntry(ref reader, wireType, field, target, depth)
                : field.Repeated ? DecodeRepeated(ref reader, wireType, field, target, depth)
                : DecodeSingular(ref reader, wireType, field, target, depth);
            if (error is not null)
            {
                return $"{type.FullName}.{field.Name}: {error}";
            }
        }
        return null;
    }

    private static string? DecodeMapEntry(ref WireReader reader, WireType wireType, ProtoField field, JsonObject target, int depth)
    {
        if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var entry))
        {
            return "malformed map entry";
        }

        var error = ReadMapEntry(entry, field, depth, out var key, out var value);
        if (error is not null)
        {
            return error;
        }

        if (target[field.JsonName] is not JsonObject map)
        {
            target[field.JsonName] = map = [];
        }

        map[key] = value;
        return null;
    }

    private static string? DecodeSingular(ref WireReader reader, WireType wireType, ProtoField field, JsonObject target, int depth)
    {
        if (field.Message is { WellKnown: WellKnownMessage.None } message)
        {
            if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var bytes))
            {
                return "malformed embedded message";
            }
            // An inline (embedded) struct shares its parent's JSON object. A message that occurs twice merges, as
            // in every protobuf decoder.
            JsonObject destination;
            if (field.Inline)
            {
                destination = target;
            }
            else if (target[field.JsonName] is JsonObject existing)
            {
                destination = existing;
            }
            else
            {
                target[field.JsonName] = destination = [];
            }

            return DecodeInto(bytes, message, destination, depth + 1);
        }

        var error = ReadValue(ref reader, wireType, field.Kind, field.Message, depth, out var value, out bool isZero);
        if (error is not null)
        {
            return error;
        }

        if (value is null || (field.OmitEmpty && isZero))
        {
            target.Remove(field.JsonName);
        }
        else
        {
            target[field.JsonName] = value;
        }

        return null;
    }

    private static string? DecodeRepeated(ref WireReader reader, WireType wireType, ProtoField field, JsonObject target, int depth)
    {
        if (target[field.JsonName] is not JsonArray array)
        {
            target[field.JsonName] = array = [];
        }

        if (wireType == WireType.LengthDelimited && field.Kind.IsPackable())
        {
            if (!reader.TryReadLengthDelimited(out var packed))
            {
                return "malformed packed values";
            }

            var inner = new WireReader(packed);
            while (!inner.AtEnd)
            {
                var error = ReadValue(ref inner, field.Kind.ExpectedWireType(), field.Kind, null, depth, out var item, out _);
                if (error is not null)
                {
                    return error;
                }

                array.Add(item);
            }
            // An empty packed run adds nothing; Go's decoder would leave the slice nil, which JSON omits.
            if (array.Count == 0)
            {
                target.Remove(field.JsonName);
            }

            return null;
        }

        var itemError = ReadValue(ref reader, wireType, field.Kind, field.Message, depth, out var value, out _);
        if (itemError is null)
        {
            array.Add(value);
        }

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
            {
                return "malformed map entry tag";
            }

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
            {
                return error;
            }
        }
        // A missing value is the type's zero value, exactly as if it had been written.
        if (!hasValue)
        {
            return field.Message is null ? ZeroScalar(field.Kind, out value) : ReadMessage([], field.Message, depth, out value);
        }
        return null;
    }
}
