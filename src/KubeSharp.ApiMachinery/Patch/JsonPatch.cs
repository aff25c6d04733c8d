using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// RFC 6902 JSON Patch (<c>application/json-patch+json</c>, what <c>kubectl patch --type=json</c> sends). Operations
/// run in order on a copy; the first failure aborts the whole patch, as upstream does. Error texts follow the
/// json-patch library upstream uses (e.g. <c>replace operation does not apply: doc is missing key: /x</c>).
/// </summary>
public static class JsonPatch
{
    /// <summary>Upstream's API server refuses patches with more operations than this.</summary>
    public const int MaxOperations = 10000;

    private const string RootToken = "root";

    /// <summary>Applies <paramref name="patch"/> (a JSON array) to a copy of <paramref name="document"/>.</summary>
    public static JsonNode? Apply(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        if (operations.Count > MaxOperations)
        {
            throw new PatchException(
                $"The allowed maximum operations in a JSON patch is {MaxOperations}, got {operations.Count}",
                PatchErrorKind.RequestEntityTooLarge);
        }

        // A holder object makes "" (the whole document) an ordinary member, so add/replace/move at the root need no
        // special case.
        var holder = new JsonObject { [RootToken] = document?.DeepClone() };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw new PatchException("json: cannot unmarshal non-object into Go value of type jsonpatch.Operation");
            }

            ApplyOperation(holder, op);
        }

        var result = holder[RootToken];
        holder.Remove(RootToken);
        return result;
    }

    private static void ApplyOperation(JsonObject holder, JsonObject op)
    {
        var kind = ReadString(op, "op") ?? throw new PatchException("Unexpected kind: <missing>");
        var path = ReadString(op, "path") ?? throw Unprocessable($"{kind} operation does not apply: missing path");
        var tokens = Tokens(path);
        switch (kind)
        {
            case "add":
                Add(holder, tokens, path, RequireValue(op, kind)?.DeepClone(), kind);
                break;
            case "remove":
                Remove(holder, tokens, path, kind);
                break;
            case "replace":
                Replace(holder, tokens, path, RequireValue(op, kind)?.DeepClone());
                break;
            case "move":
            {
                var from = ReadString(op, "from") ?? throw Unprocessable("move operation does not apply: missing from");
                if (from == path)
                {
                    return;
                }

                if (path.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    throw Unprocessable($"move operation does not apply: from \"{from}\" is a prefix of path \"{path}\"");
                }

                var fromTokens = Tokens(from);
                if (!TryGet(holder, fromTokens, out var value))
                {
                    throw Unprocessable($"move operation does not apply: doc is missing from path: {from}: missing value");
                }

                Remove(holder, fromTokens, from, kind);
                Add(holder, tokens, path, value, kind);
                break;
            }

            case "copy":
            {
                var from = ReadString(op, "from") ?? throw Unprocessable("copy operation does not apply: missing from");
                if (!TryGet(holder, Tokens(from), out var value))
                {
                    throw Unprocessable($"copy operation does not apply: doc is missing from path: \"{from}\": missing value");
                }

                Add(holder, tokens, path, value?.DeepClone(), kind);
                break;
            }

            case "test":
            {
                var expected = RequireValue(op, kind);
                if (!TryGet(holder, tokens, out var actual) || !JsonNode.DeepEquals(actual, expected))
                {
                    throw Unprocessable($"testing value {path} failed: test failed");
                }

                break;
            }

            default:
                throw new PatchException($"Unexpected kind: {kind}");
        }
    }

    private static void Add(JsonObject holder, string[] tokens, string path, JsonNode? value, string kind)
    {
        var parent = Parent(holder, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                return;
            case JsonArray array when last == "-":
                array.Add(value);
                return;
            case JsonArray array when JsonPointer.TryParseIndex(last, out var index) && index <= array.Count:
                array.Insert(index, value);
                return;
            case JsonArray:
                throw Unprocessable($"{kind} operation does not apply: Unable to access invalid index: {last}: invalid index referenced");
            default:
                throw Unprocessable($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static void Remove(JsonObject holder, string[] tokens, string path, string kind)
    {
        if (tokens.Length == 1)
        {
            throw Unprocessable($"{kind} operation does not apply: cannot remove the whole document");
        }

        var parent = Parent(holder, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj.Remove(last);
                return;
            case JsonArray array when JsonPointer.TryParseIndex(last, out var index) && index < array.Count:
                array.RemoveAt(index);
                return;
            default:
                throw Unprocessable($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static void Replace(JsonObject holder, string[] tokens, string path, JsonNode? value)
    {
        var parent = Parent(holder, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj[last] = value;
                return;
            case JsonArray array when JsonPointer.TryParseIndex(last, out var index) && index < array.Count:
                array[index] = value;
                return;
            default:
                throw Unprocessable($"replace operation does not apply: doc is missing key: {path}: missing value");
        }
    }

    private static bool TryGet(JsonObject holder, string[] tokens, out JsonNode? value)
    {
        value = null;
        var parent = Parent(holder, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(last, out value);
            case JsonArray array when JsonPointer.TryParseIndex(last, out var index) && index < array.Count:
                value = array[index];
                return true;
            default:
                return false;
        }
    }

    /// <summary>The container addressed by all tokens but the last, or null when any step is missing.</summary>
    private static JsonNode? Parent(JsonObject holder, string[] tokens)
    {
        JsonNode? current = holder;
        for (var i = 0; i < tokens.Length - 1 && current is not null; i++)
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(tokens[i], out var child) ? child : null,
                JsonArray array => JsonPointer.TryParseIndex(tokens[i], out var index) && index < array.Count
                    ? array[index]
                    : null,
                _ => null,
            };
        }

        return current;
    }

    private static string[] Tokens(string pointer) => [RootToken, .. JsonPointer.Parse(pointer)];

    private static JsonNode? RequireValue(JsonObject op, string kind) =>
        op.TryGetPropertyValue("value", out var value)
            ? value
            : throw Unprocessable($"{kind} operation does not apply: missing value");

    private static string? ReadString(JsonObject op, string name) =>
        op.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var s)
            ? s
            : null;

    private static PatchException Unprocessable(string message) => new(message, PatchErrorKind.Unprocessable);
}
