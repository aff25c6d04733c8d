using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// TimeSpan as an ISO 8601 duration ("PT1M30S"), as the official client writes it. The models have no TimeSpan;
/// this keeps the format of our own types that do.
/// </summary>
public sealed class DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.GetString() ?? throw new JsonException("a duration must be a string");
        try
        {
            return XmlConvert.ToTimeSpan(s);
        }
        catch (FormatException e)
        {
            throw new JsonException($"invalid ISO 8601 duration \"{s}\"", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
