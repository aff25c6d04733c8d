using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using KubeSharp.ApiMachinery.OpenApi;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// metav1.Time serializes with whole seconds ("2024-01-02T03:04:05Z"); only the MicroTime fields (event times,
/// lease renew/acquire times) keep microseconds. The models type both as DateTime, so the distinction is made per
/// property, by the same MicroTime list the OpenAPI schemas use.
/// </summary>
public static class TimeConverters
{
    private static readonly SecondsConverter Seconds = new();
    private static readonly NullableSecondsConverter NullableSeconds = new();

    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != "k8s.Models") return;
        foreach (var p in info.Properties)
        {
            if (SpecialSchemas.IsMicroTime(info.Type, p.Name)) continue;
            if (p.PropertyType == typeof(DateTime)) p.CustomConverter = Seconds;
            else if (p.PropertyType == typeof(DateTime?)) p.CustomConverter = NullableSeconds;
        }
    }

    private static DateTime Read(ref Utf8JsonReader reader)
    {
        var s = reader.GetString();
        if (string.IsNullOrEmpty(s)) return default;
        return DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static void Write(Utf8JsonWriter writer, DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        Span<char> buffer = stackalloc char[20];
        utc.TryFormat(buffer, out var n, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..n]);
    }

    private sealed class SecondsConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TimeConverters.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => TimeConverters.Write(writer, value);
    }

    private sealed class NullableSecondsConverter : JsonConverter<DateTime?>
    {
        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : TimeConverters.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value is { } v) TimeConverters.Write(writer, v);
            else writer.WriteNullValue();
        }
    }
}
