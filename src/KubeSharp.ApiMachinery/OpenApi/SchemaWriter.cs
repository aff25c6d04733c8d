using System.Collections.Concurrent;
using System.Text.Json;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// Writes the component schema of one model type in upstream's OpenAPI v3 shape: type object, description,
/// sorted properties, required, references wrapped as allOf:[{$ref}] so a description can sit next to them, and
/// x-kubernetes-group-version-kind on kinds. Each type's JSON is produced once and reused by every document.
/// </summary>
internal static class SchemaWriter
{
    public const string RefPrefix = "#/components/schemas/";

    private static readonly ConcurrentDictionary<Type, byte[]> _cache = new();

    public static byte[] Schema(Type type) => _cache.GetOrAdd(type, Build);

    private static byte[] Build(Type type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            var fields = SchemaTypes.Fields(type);
            writer.WriteStartObject();
            WriteDescription(writer, ModelDocs.ForType(type));
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            foreach (var field in fields)
            {
                writer.WritePropertyName(field.JsonName);
                WriteProperty(writer, type, field);
            }
            writer.WriteEndObject();
            var required = RequiredFields.Of(type, fields);
            if (required.Count > 0)
            {
                writer.WriteStartArray("required");
                foreach (var name in required)
                {
                    writer.WriteStringValue(name);
                }
                writer.WriteEndArray();
            }
            if (KindIndex.Of(type) is { } gvk)
            {
                writer.WriteStartArray("x-kubernetes-group-version-kind");
                WriteGvk(writer, gvk);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static void WriteGvk(Utf8JsonWriter writer, GroupVersionKind gvk)
    {
        writer.WriteStartObject();
        writer.WriteString("group", gvk.Group);
        writer.WriteString("kind", gvk.Kind);
        writer.WriteString("version", gvk.Version);
        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, Type declaringType, SchemaTypes.Field field)
    {
        var description = ModelDocs.ForProperty(declaringType, field.Property.Name);
        var clr = Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType;
        if (Reference(declaringType, field.JsonName, clr) is { } reference)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("allOf");
            writer.WriteStartObject();
            writer.WriteString("$ref", RefPrefix + reference);
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteDescription(writer, description);
            writer.WriteEndObject();
            return;
        }
        writer.WriteStartObject();
        WriteDescription(writer, description);
        WriteShape(writer, declaringType, field.JsonName, clr);
        writer.WriteEndObject();
    }

    // The type keywords of a non-reference value: primitive, array or map (nested for IList<IList<..>> etc.).
    private static void WriteShape(Utf8JsonWriter writer, Type declaringType, string jsonName, Type clr)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        if (clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IList<>))
        {
            writer.WriteString("type", "array");
            writer.WritePropertyName("items");
            WriteValue(writer, declaringType, jsonName, clr.GetGenericArguments()[0]);
            return;
        }
        if (clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            writer.WriteString("type", "object");
            writer.WritePropertyName("additionalProperties");
            WriteValue(writer, declaringType, jsonName, clr.GetGenericArguments()[1]);
            return;
        }
        var (type, format) = Primitive(clr);
        writer.WriteString("type", type);
        if (format is not null)
        {
            writer.WriteString("format", format);
        }
    }

    // An array item or map value: a wrapped reference or an inline shape, without description.
    private static void WriteValue(Utf8JsonWriter writer, Type declaringType, string jsonName, Type clr)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        writer.WriteStartObject();
        if (Reference(declaringType, jsonName, clr) is { } reference)
        {
            writer.WriteStartArray("allOf");
            writer.WriteStartObject();
            writer.WriteString("$ref", RefPrefix + reference);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            WriteShape(writer, declaringType, jsonName, clr);
        }
        writer.WriteEndObject();
    }

    /// <summary>The component name a CLR type refers to, or null when it is written inline.</summary>
    public static string? Reference(Type declaringType, string jsonName, Type clr) =>
        SchemaTypes.IsModel(clr) ? SchemaNames.Of(clr) ?? SpecialSchemas.RawExtension : SpecialSchemas.For(declaringType, jsonName, clr);

    private static (string Type, string? Format) Primitive(Type clr)
    {
        if (clr == typeof(string))
        {
            return ("string", null);
        }
        if (clr == typeof(bool))
        {
            return ("boolean", null);
        }
        if (clr == typeof(int))
        {
            return ("integer", "int32");
        }
        if (clr == typeof(long))
        {
            return ("integer", "int64");
        }
        if (clr == typeof(double) || clr == typeof(float))
        {
            return ("number", "double");
        }
        if (clr == typeof(byte[]))
        {
            return ("string", "byte");
        }
        // Unknown shapes are left open rather than guessed.
        return ("object", null);
    }

    private static void WriteDescription(Utf8JsonWriter writer, string description)
    {
        if (description.Length > 0)
        {
            writer.WriteString("description", description);
        }
    }
}
