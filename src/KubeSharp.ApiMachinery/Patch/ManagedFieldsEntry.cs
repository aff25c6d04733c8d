using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// One <c>metadata.managedFields</c> entry with its field set decoded. Mutable: the apply and update paths edit
/// ownership in place before writing the entries back.
/// </summary>
internal sealed class ManagedFieldsEntry
{
    internal const string ApplyOperation = "Apply";
    internal const string UpdateOperation = "Update";

    internal required string Manager { get; init; }

    internal required string Operation { get; init; }

    internal string? Subresource { get; init; }

    internal string? ApiVersion { get; set; }

    internal string? Time { get; set; }

    internal required HashSet<string> Fields { get; set; }

    internal static List<ManagedFieldsEntry> ReadAll(JsonObject? obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj?["metadata"]?["managedFields"] is not JsonArray list)
        {
            return entries;
        }

        foreach (var item in list)
        {
            if (item is not JsonObject entry)
            {
                continue;
            }

            entries.Add(new ManagedFieldsEntry
            {
                Manager = Text(entry["manager"]) ?? string.Empty,
                Operation = Text(entry["operation"]) ?? UpdateOperation,
                Subresource = Text(entry["subresource"]),
                ApiVersion = Text(entry["apiVersion"]),
                Time = Text(entry["time"]),
                Fields = FieldsV1.Parse(entry["fieldsV1"]),
            });
        }

        return entries;
    }

    // Client-sent entries may be malformed; a non-string reads as absent instead of throwing.
    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Writes the entries (dropping those that own nothing, as upstream does) into the object's metadata.</summary>
    internal static void WriteAll(JsonObject obj, List<ManagedFieldsEntry> entries)
    {
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            if (entry.Fields.Count > 0)
            {
                list.Add(entry.ToJson());
            }
        }

        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }

        if (list.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = list;
        }
    }

    internal bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? string.Empty) == (subresource ?? string.Empty);

    /// <summary>
    /// Upstream's conflict wording for a manager: <c>"name"</c> (plus <c>with subresource "x"</c>) for appliers;
    /// updaters add <c>using apps/v1 at 2026-01-01T10:00:00Z</c> (the time only when recorded).
    /// </summary>
    internal string Describe()
    {
        var text = $"\"{Manager}\"";
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += $" with subresource \"{Subresource}\"";
        }

        if (Operation != UpdateOperation)
        {
            return text;
        }

        text += $" using {ApiVersion}";
        return Time is null ? text : $"{text} at {Time}";
    }

    internal static string FormatTime(DateTime now) =>
        now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
            ["time"] = Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldsV1.Build(Fields),
        };
        if (!string.IsNullOrEmpty(Subresource))
        {
            json["subresource"] = Subresource;
        }

        return json;
    }
}
