using System.Text.Json;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// The query parameters of each operation kind, as upstream declares them. fieldValidation on every create,
/// replace and patch matters most: kubectl only validates server-side (sending fieldValidation=Strict) when the
/// PATCH operation of the kind declares it (cli-runtime's query_param_verifier_v3).
/// </summary>
internal static class QueryParameters
{
    private static readonly (string Name, string Type, string Description)[] _write =
    [
        ("dryRun", "string", "When present (value \"All\"), the request is validated and admitted but not persisted."),
        ("fieldManager", "string", "Name of the actor making the change, recorded in managedFields."),
        ("fieldValidation", "string",
            "How to treat unknown or duplicate fields in the request body: Ignore (drop them), Warn (drop them and return a warning) or Strict (fail the request)."),
    ];

    private static readonly (string Name, string Type, string Description)[] _patch =
    [
        .. _write,
        ("force", "boolean", "Apply requests only: take ownership of fields another manager owns instead of failing with a conflict."),
    ];

    private static readonly (string Name, string Type, string Description)[] _list =
    [
        ("allowWatchBookmarks", "boolean", "Watch only: the server may send BOOKMARK events carrying the current resourceVersion."),
        ("continue", "string", "The continue token of the previous page of a chunked list."),
        ("fieldSelector", "string", "Restricts the result to objects whose fields match, e.g. metadata.name=x."),
        ("labelSelector", "string", "Restricts the result to objects whose labels match, e.g. app=web,tier!=db."),
        ("limit", "integer", "The maximum number of items to return; more pages are signalled by metadata.continue."),
        ("resourceVersion", "string", "The resource version the list or watch starts from."),
        ("resourceVersionMatch", "string", "How resourceVersion is applied to a list: Exact or NotOlderThan."),
        ("sendInitialEvents", "boolean", "Watch only: start with synthetic ADDED events for the current state."),
        ("timeoutSeconds", "integer", "Ends a list or watch call after this many seconds."),
        ("watch", "boolean", "Stream changes (ADDED, MODIFIED, DELETED) instead of returning a list."),
    ];

    private static readonly (string Name, string Type, string Description)[] _delete =
    [
        ("dryRun", "string", "When present (value \"All\"), the request is validated but nothing is deleted."),
        ("gracePeriodSeconds", "integer", "Seconds before the object is deleted; 0 deletes immediately."),
        ("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean", "Deletes an object that cannot be read from storage."),
        ("orphanDependents", "boolean", "Deprecated: use propagationPolicy."),
        ("propagationPolicy", "string", "Garbage collection of dependents: Orphan, Background or Foreground."),
    ];

    public static void WriteCreateOrReplace(Utf8JsonWriter writer) => Write(writer, _write);

    public static void WritePatch(Utf8JsonWriter writer) => Write(writer, _patch);

    public static void WriteList(Utf8JsonWriter writer) => Write(writer, _list);

    public static void WriteDelete(Utf8JsonWriter writer) => Write(writer, _delete);

    public static void WritePath(Utf8JsonWriter writer, bool namespaced, bool named)
    {
        writer.WriteStartArray("parameters");
        if (named)
        {
            WriteOne(writer, "name", "path", "string", "name of the object", required: true);
        }
        if (namespaced)
        {
            WriteOne(writer, "namespace", "path", "string", "object name and auth scope, such as for teams and projects", required: true);
        }
        WriteOne(writer, "pretty", "query", "string", "If 'true', the output is pretty printed.", required: false);
        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, (string Name, string Type, string Description)[] parameters)
    {
        writer.WriteStartArray("parameters");
        foreach (var (name, type, description) in parameters)
        {
            WriteOne(writer, name, "query", type, description, required: false);
        }
        writer.WriteEndArray();
    }

    private static void WriteOne(Utf8JsonWriter writer, string name, string location, string type, string description, bool required)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("in", location);
        writer.WriteString("description", description);
        if (required)
        {
            writer.WriteBoolean("required", true);
        }
        writer.WriteStartObject("schema");
        writer.WriteString("type", type);
        writer.WriteBoolean("uniqueItems", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
