using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// A field path as a string key: upstream's FieldsV1 path elements (<c>f:name</c>, <c>k:{"name":"x"}</c>,
/// <c>v:"x"</c>) joined by a separator no element can contain. Keys make field sets plain string hash sets.
/// </summary>
internal static class FieldPath
{
    internal const char Separator = '\u0001';

    // Minimal escaping keeps k:/v: elements close to upstream's spelling ({"name":"a+b"}, not "a\u002Bb").
    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Child(string? parent, string element) =>
        parent is null ? element : parent + Separator + element;

    internal static string[] Elements(string path) => path.Split(Separator);

    internal static string Field(string name) => "f:" + name;

    /// <summary>An associative-list item, named by its key field(s) as a compact JSON object.</summary>
    internal static string Key(string mergeKey, JsonNode? keyValue) =>
        "k:" + new JsonObject { [mergeKey] = keyValue?.DeepClone() }.ToJsonString(s_compact);

    /// <summary>A set (primitive merge list) member, named by its JSON value.</summary>
    internal static string Value(JsonNode? value) => "v:" + (value?.ToJsonString(s_compact) ?? "null");

    /// <summary>
    /// Re-spells an element read from a client's FieldsV1 the way this server writes it, or returns null when it is
    /// malformed (upstream rejects such managedFields; we drop the element). Upstream keys some lists by several
    /// fields (container ports by containerPort and protocol); its keys are sorted and the first one is always our
    /// single merge key, so only that one is kept.
    /// </summary>
    internal static string? Canonicalize(string element)
    {
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            return element;
        }

        try
        {
            if (element.StartsWith("k:", StringComparison.Ordinal))
            {
                return JsonNode.Parse(element[2..]) is JsonObject { Count: > 0 } keys
                    ? Key(keys.First().Key, keys.First().Value)
                    : null;
            }

            if (element.StartsWith("v:", StringComparison.Ordinal))
            {
                return Value(JsonNode.Parse(element[2..]));
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>Upstream's <c>fieldpath.Path.String()</c>: <c>.spec.containers[name="x"].image</c>, <c>[="v"]</c>.</summary>
    internal static string ToDisplay(string path)
    {
        var sb = new StringBuilder();
        foreach (var element in Elements(path))
        {
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                sb.Append('.').Append(element, 2, element.Length - 2);
            }
            else if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject keys)
            {
                sb.Append('[');
                var first = true;
                foreach (var (name, value) in keys)
                {
                    sb.Append(first ? string.Empty : ",").Append(name).Append('=').Append(value?.ToJsonString() ?? "null");
                    first = false;
                }

                sb.Append(']');
            }
            else if (element.StartsWith("v:", StringComparison.Ordinal))
            {
                sb.Append("[=").Append(element, 2, element.Length - 2).Append(']');
            }
            else
            {
                sb.Append(element);
            }
        }

        return sb.ToString();
    }
}
