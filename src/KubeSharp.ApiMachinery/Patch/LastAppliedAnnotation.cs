using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Keeps client-side apply's <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation in step with
/// server-side apply, as upstream does for the <c>kubectl</c> manager, so a later client-side apply diffs against what
/// was really applied. The value is written like upstream's unstructured JSON encoding: keys sorted, compact, with a
/// trailing newline, and without the annotation itself.
/// </summary>
internal static class LastAppliedAnnotation
{
    internal const string Name = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Upstream only syncs the annotation for kubectl's own server-side apply manager.</summary>
    internal const string SyncingManager = "kubectl";

    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static void Sync(JsonObject result, JsonObject applied, string manager)
    {
        if (manager != SyncingManager || result["metadata"]?["annotations"] is not JsonObject annotations ||
            !annotations.ContainsKey(Name))
        {
            return;
        }

        var copy = (JsonObject)applied.DeepClone();
        (copy["metadata"]?["annotations"] as JsonObject)?.Remove(Name);
        annotations[Name] = Encode(copy) + "\n";
    }

    private static string Encode(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            WriteSorted(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
