using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Upstream's <c>FieldsV1</c> encoding of a field set: a trie of path elements where <c>{}</c> marks a member leaf
/// and <c>".": {}</c> marks a member that also has members below it.
/// </summary>
internal static class FieldsV1
{
    private const string Self = ".";

    internal static HashSet<string> Parse(JsonNode? fields)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (fields is JsonObject obj)
        {
            Collect(set, null, obj);
        }

        return set;
    }

    internal static JsonObject Build(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        // Sorted so the encoding is deterministic (upstream's is sorted too).
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            var node = root;
            foreach (var element in FieldPath.Elements(path))
            {
                if (node[element] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[element] = child;
                }

                node = child;
            }

            node[Self] = new JsonObject();
        }

        Normalize(root);
        return root;
    }

    private static void Collect(HashSet<string> set, string? prefix, JsonObject node)
    {
        foreach (var (element, child) in node)
        {
            if (element == Self)
            {
                continue;
            }

            if (FieldPath.Canonicalize(element) is not { } canonical)
            {
                continue;
            }

            var path = FieldPath.Child(prefix, canonical);
            if (child is not JsonObject childObject || childObject.Count == 0 || childObject.ContainsKey(Self))
            {
                set.Add(path);
            }

            if (child is JsonObject nested)
            {
                Collect(set, path, nested);
            }
        }
    }

    /// <summary>A member without members below it is written as a bare <c>{}</c>.</summary>
    private static void Normalize(JsonObject node)
    {
        foreach (var (element, child) in node)
        {
            if (child is JsonObject childObject && element != Self)
            {
                Normalize(childObject);
                if (childObject.Count == 1 && childObject.ContainsKey(Self))
                {
                    childObject.Remove(Self);
                }
            }
        }
    }
}
