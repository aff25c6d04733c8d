using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>How the CLR types of k8s.Models map onto OpenAPI: which are objects, and what a property points to.</summary>
internal static class SchemaTypes
{
    /// <summary>A serialized property: its JSON name and the C# property behind it.</summary>
    public readonly record struct Field(string JsonName, PropertyInfo Property);

    /// <summary>The JSON properties of a model type, sorted by JSON name as upstream's documents are.</summary>
    public static Field[] Fields(Type type)
    {
        var fields = new List<Field>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } json)
            {
                fields.Add(new Field(json.Name, property));
            }
        }
        fields.Sort((a, b) => string.CompareOrdinal(a.JsonName, b.JsonName));
        return [.. fields];
    }

    /// <summary>True for generated API object types (rendered as their own component schema).</summary>
    public static bool IsModel(Type type) =>
        type.Namespace == "k8s.Models" && type.IsClass && !type.IsGenericType
        && type != typeof(ResourceQuantity) && type != typeof(IntOrString)
        && type.GetCustomAttribute<JsonConverterAttribute>() is null;

    /// <summary>The element type behind IList&lt;T&gt; / IDictionary&lt;string,T&gt; / T?, or the type itself.</summary>
    public static Type Element(Type type)
    {
        while (true)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                type = underlying;
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
            {
                type = type.GetGenericArguments()[0];
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                type = type.GetGenericArguments()[1];
            }
            else
            {
                return type;
            }
        }
    }

    /// <summary>Every model type reachable from <paramref name="root"/> through properties, root included.</summary>
    public static List<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type> { root };
        var order = new List<Type> { root };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var field in Fields(order[i]))
            {
                var element = Element(field.Property.PropertyType);
                if (IsModel(element) && seen.Add(element))
                {
                    order.Add(element);
                }
            }
        }
        return order;
    }
}
