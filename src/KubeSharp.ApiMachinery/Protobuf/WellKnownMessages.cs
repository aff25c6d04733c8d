using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Protobuf;

// The messages whose Go types marshal to JSON by hand. Each is first decoded generically (so the wire checks are the
// same as everywhere), then turned into its JSON form.
internal static class WellKnownMessages
{
    // Range of DateTime; Go refuses to marshal years outside 0..9999 anyway.
    private const long MinUnixSeconds = -62135596800;
    private const long MaxUnixSeconds = 253402300799;

    public static string? Decode(ReadOnlySpan<byte> data, ProtoMessage message, int depth, out JsonNode? value)
    {
        value = null;
        // Go writes a zero Time as an empty message and reads it back as the zero time, which the API omits.
        if (data.IsEmpty && message.WellKnown is WellKnownMessage.Time or WellKnownMessage.MicroTime)
        {
            return null;
        }

        var fields = new JsonObject();
        var error = ProtoJsonDecoder.DecodeInto(data, message, fields, depth);
        if (error is not null)
        {
            return error;
        }

        switch (message.WellKnown)
        {
            case WellKnownMessage.Time:
                // metav1.Time keeps whole seconds only, on the wire and in JSON (RFC 3339, UTC).
                return FormatTime(Int64(fields, "seconds"), 0, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", out value);
            case WellKnownMessage.MicroTime:
                return FormatTime(Int64(fields, "seconds"), Int64(fields, "nanos"), "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", out value);
            case WellKnownMessage.Duration:
                value = GoDuration.Format(Int64(fields, "duration"));
                return null;
            case WellKnownMessage.Quantity:
                // The wire carries the canonical string; an absent one is the zero quantity.
                value = String(fields, "string") is { Length: > 0 } quantity ? quantity : "0";
                return null;
            case WellKnownMessage.IntOrString:
                value = Int64(fields, "type") == 1
                    ? JsonValue.Create(String(fields, "strVal") ?? "")
                    : JsonValue.Create((int)Int64(fields, "intVal"));
                return null;
            case WellKnownMessage.ExtraValue:
                value = fields["items"]?.DeepClone() ?? new JsonArray();
                return null;
            default:
                return EmbeddedJson(fields, message, out value);
        }
    }

    // RawExtension and FieldsV1 hold JSON bytes that Go embeds verbatim; an empty one is left out.
    private static string? EmbeddedJson(JsonObject fields, ProtoMessage message, out JsonNode? value)
    {
        value = null;
        var field = message.Fields[1];
        if (String(fields, field.JsonName) is not { Length: > 0 } base64)
        {
            return null;
        }

        try
        {
            value = JsonNode.Parse(Convert.FromBase64String(base64));
            return null;
        }
        catch (JsonException e)
        {
            return $"{message.FullName} does not hold JSON: {e.Message}";
        }
    }

    private static string? FormatTime(long seconds, long nanos, string format, out JsonNode? value)
    {
        value = null;
        // Normalize as Go's time.Unix does: nanoseconds outside [0, 1e9) carry into the seconds.
        seconds += Math.DivRem(nanos, 1_000_000_000L, out long rest);
        if (rest < 0)
        {
            seconds--;
            rest += 1_000_000_000L;
        }
        // Go's zero time (0001-01-01T00:00:00Z) written out explicitly is still zero, and still omitted.
        if (seconds == MinUnixSeconds && rest == 0)
        {
            return null;
        }

        if (seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
        {
            return $"time {seconds}s since the epoch is out of range";
        }

        var time = DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + rest / 100);
        value = time.ToString(format, CultureInfo.InvariantCulture);
        return null;
    }

    private static long Int64(JsonObject fields, string name) =>
        fields[name] is JsonValue v && v.TryGetValue(out long l) ? l
        : fields[name] is JsonValue w && w.TryGetValue(out int i) ? i
        : 0;

    private static string? String(JsonObject fields, string name) =>
        fields[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
