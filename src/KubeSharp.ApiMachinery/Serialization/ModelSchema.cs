using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KubeSharp.ApiMachinery.Serialization;

/// <summary>
/// The JSON shape of a k8s.Models type as reflection sees it: for each object type, its JSON field names and the
/// type of each. Used to list every field the Go types would not know (strict field validation reports all of
/// them, not just the first one the deserializer trips over).
/// </summary>
public static class ModelSchema
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, Type>?> Fields = new();

    /// <summary>The JSON properties of an object-shaped model type, or null for scalars, maps, lists and free-form types.</summary>
    public static IReadOnlyDictionary<string, Type>? PropertiesOf(Type type) => Fields.GetOrAdd(type, Build);

    /// <summary>Element type of an IList&lt;T&gt; or value type of an IDictionary&lt;string,T&gt;, else null.</summary>
    public static Type? ElementOf(Type type, out bool isMap)
    {
        (var element, isMap) = Elements.GetOrAdd(type, ReflectElement);
        return element;
    }

    /// <summary>Cached: strict field validation asks this for every map and list node of every checked body.</summary>
    private static readonly ConcurrentDictionary<Type, (Type? Element, bool IsMap)> Elements = new();

    private static (Type? Element, bool IsMap) ReflectElement(Type type)
    {
        var element = ReflectElement(type, out var isMap);
        return (element, isMap);
    }

    private static Type? ReflectElement(Type type, out bool isMap)
    {
        isMap = false;
        if (type.IsArray) return type.GetElementType();
        foreach (var i in type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
        {
            if (!i.IsGenericType) continue;
            var def = i.GetGenericTypeDefinition();
            if (def == typeof(IDictionary<,>))
            {
                isMap = true;
                return i.GetGenericArguments()[1];
            }
        }
        foreach (var i in type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces())
        {
            if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>)) return i.GetGenericArguments()[0];
        }
        return null;
    }

    /// <summary>Paths ("spec.foo", "spec.containers[0].bar") of fields in <paramref name="node"/> that
    /// <paramref name="type"/> does not have.</summary>
    public static List<string> UnknownFields(JsonNode? node, Type type)
    {
        var result = new List<string>();
        Walk(node, type, "", result);
        return result;
    }

    private static void Walk(JsonNode? node, Type type, string path, List<string> result)
    {
        if (node == null) return;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is JsonObject obj)
        {
            var props = PropertiesOf(type);
            if (props != null)
            {
                foreach (var (name, value) in obj)
                {
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (props.TryGetValue(name, out var propType)) Walk(value, propType, child, result);
                    else result.Add(child);
                }
                return;
            }
            var element = ElementOf(type, out var isMap);
            if (element != null && isMap)
            {
                foreach (var (name, value) in obj) Walk(value, element, $"{path}.{name}", result);
            }
            return;
        }
        if (node is JsonArray arr)
        {
            var element = ElementOf(type, out var isMap);
            if (element == null || isMap) return;
            for (var i = 0; i < arr.Count; i++) Walk(arr[i], element, $"{path}[{i}]", result);
        }
    }

    private static Dictionary<string, Type>? Build(Type type)
    {
        if (type.Namespace != "k8s.Models" || type.IsEnum || !type.IsClass) return null;
        if (type.Name is "IntOrString" or "ResourceQuantity") return null;
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var result = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var p in props)
        {
            var attr = p.GetCustomAttribute<JsonPropertyNameAttribute>();
            if (attr == null || p.GetCustomAttribute<JsonIgnoreAttribute>() != null) continue;
            result[attr.Name] = p.PropertyType;
        }
        return result.Count == 0 ? null : result;
    }
}
