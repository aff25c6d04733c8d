using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// metav1.MicroTime: RFC 3339 in UTC with exactly six fractional digits, or none when the time is a whole second
/// (what the official client writes, and what upstream's decoder accepts). It is the options-wide DateTime converter;
/// <see cref="TimeConverters"/> switches the metav1.Time fields of the models to whole seconds.
/// </summary>
public sealed class MicroTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Rfc3339.ReadUtc(ref reader).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        Rfc3339.WriteMicro(writer, value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
}

/// <summary>DateTimeOffset in the same MicroTime format, normalized to UTC (the models have none; our own types may).</summary>
public sealed class Rfc3339OffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Rfc3339.ReadUtc(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        Rfc3339.WriteMicro(writer, value.UtcDateTime);
}

/// <summary>The RFC 3339 reading and writing shared by the time converters.</summary>
internal static class Rfc3339
{
    /// <summary>
    /// Any RFC 3339 time, with or without fractional seconds and with Z or an offset; a time without a zone is taken
    /// as UTC. Go writes up to nine fractional digits; .NET keeps seven, and the digits beyond are cut, not
    /// rounded (rounding could carry into the next second).
    /// </summary>
    public static DateTimeOffset ReadUtc(ref Utf8JsonReader reader)
    {
        var s = reader.GetString() ?? "";
        if (DateTimeOffset.TryParse(TruncateFraction(s), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }
        throw new JsonException($"invalid RFC 3339 time \"{s}\"");
    }

    private static string TruncateFraction(string s)
    {
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return s;
        var end = dot + 1;
        while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
        return end - dot - 1 <= 7 ? s : string.Concat(s.AsSpan(0, dot + 8), s.AsSpan(end));
    }

    public static void WriteMicro(Utf8JsonWriter writer, DateTime utc)
    {
        Span<char> buffer = stackalloc char[27];
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
        utc.TryFormat(buffer, out var n, format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..n]);
    }
}
