using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Walks the k8s.Models types (properties named by <c>[JsonPropertyName]</c>, lists as <c>IList&lt;T&gt;</c>, maps as
/// <c>IDictionary&lt;string,T&gt;</c>) to tell, at any JSON path, which model type sits there. Reflection runs once per
/// type and is cached. Unknown fields yield <see cref="SchemaField.Unknown"/>: maps still merge and lists replace,
/// which is upstream's behaviour for untagged fields.
/// </summary>
internal static class ModelSchema
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, SchemaField>> s_fields = new();
    private static readonly ConcurrentDictionary<Type, Type?> s_dictionaryValues = new();

    internal static SchemaField Lookup(Type? objectType, string field)
    {
        if (objectType is null)
        {
            return SchemaField.Unknown;
        }

        if (DictionaryValueType(objectType) is { } valueType)
        {
            var (type, isList) = Unwrap(valueType);
            return new SchemaField(type, isList, PatchFieldMetadata.None);
        }

        return s_fields.GetOrAdd(objectType, Reflect).TryGetValue(field, out var result) ? result : SchemaField.Unknown;
    }

    private static Dictionary<string, SchemaField> Reflect(Type type)
    {
        var fields = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null)
            {
                continue;
            }

            var (valueType, isList) = Unwrap(property.PropertyType);
            fields[name] = new SchemaField(valueType, isList, PatchMetadata.Lookup(type, name),
                ApplyAtomicity.IsAtomic(type, name, valueType));
        }

        return fields;
    }

    private static (Type? Type, bool IsList) Unwrap(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || DictionaryValueType(type) is not null)
        {
            return (type, false);
        }

        if (type.IsArray)
        {
            return (type.GetElementType(), true);
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable is null ? (type, false) : (enumerable.GetGenericArguments()[0], true);
    }

    /// <summary>Cached: this runs for every field of every write that records managedFields.</summary>
    private static Type? DictionaryValueType(Type type) => s_dictionaryValues.GetOrAdd(type, ReflectDictionaryValueType);

    private static Type? ReflectDictionaryValueType(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            return type.GetGenericArguments()[1];
        }

        var dictionary = type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }
}
