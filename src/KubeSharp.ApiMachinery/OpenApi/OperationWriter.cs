using System.Text.Json;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>Writes one operation object the way upstream's v3 documents lay it out.</summary>
internal static class OperationWriter
{
    // PATCH media types, all carrying the generic Patch schema. application/strategic-merge-patch+json is left out
    // on purpose although the server accepts it: when a kind's PATCH lists it, kubectl's client-side apply computes
    // the strategic merge patch from these schemas, which lack upstream's x-kubernetes-patch-merge-key/-strategy
    // (the models do not carry them), and would send whole lists without $setElementOrder or $patch:delete.
    // Without it kubectl falls back to its compiled-in types, which have the exact merge keys.
    private static readonly string[] _patchTypes =
    [
        "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json",
    ];

    private static readonly string[] _responseTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

    public static void Write(Utf8JsonWriter writer, Operation op, string tag)
    {
        writer.WriteStartObject(op.Method);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(tag);
        writer.WriteEndArray();
        writer.WriteString("description", op.Description);
        writer.WriteString("operationId", op.OperationId);
        switch (op.Kind)
        {
            case OperationKind.Create:
            case OperationKind.Replace:
                QueryParameters.WriteCreateOrReplace(writer);
                break;
            case OperationKind.Patch:
                QueryParameters.WritePatch(writer);
                break;
            case OperationKind.List:
                QueryParameters.WriteList(writer);
                break;
            case OperationKind.Delete:
            case OperationKind.DeleteCollection:
                QueryParameters.WriteDelete(writer);
                break;
        }
        if (op.RequestSchema is { } request)
        {
            writer.WriteStartObject("requestBody");
            writer.WriteStartObject("content");
            if (op.Kind == OperationKind.Patch)
            {
                foreach (var mediaType in _patchTypes)
                {
                    WriteMedia(writer, mediaType, request);
                }
            }
            else
            {
                WriteMedia(writer, "*/*", request);
            }
            writer.WriteEndObject();
            // Deletes take optional DeleteOptions; creates, replaces and patches need a body.
            writer.WriteBoolean("required", op.Kind is OperationKind.Create or OperationKind.Replace or OperationKind.Patch);
            writer.WriteEndObject();
        }
        writer.WriteStartObject("responses");
        WriteResponse(writer, "200", "OK", op.ResponseSchema);
        if (op.Kind is OperationKind.Create or OperationKind.Replace or OperationKind.Patch)
        {
            WriteResponse(writer, "201", "Created", op.ResponseSchema);
        }
        if (op.Kind is OperationKind.Create or OperationKind.Delete)
        {
            WriteResponse(writer, "202", "Accepted", op.ResponseSchema);
        }
        writer.WriteStartObject("401");
        writer.WriteString("description", "Unauthorized");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("x-kubernetes-action", op.Action);
        writer.WritePropertyName("x-kubernetes-group-version-kind");
        SchemaWriter.WriteGvk(writer, op.Gvk);
        writer.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter writer, string code, string description, string schema)
    {
        writer.WriteStartObject(code);
        writer.WriteString("description", description);
        writer.WriteStartObject("content");
        foreach (var mediaType in _responseTypes)
        {
            WriteMedia(writer, mediaType, schema);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMedia(Utf8JsonWriter writer, string mediaType, string schema)
    {
        writer.WriteStartObject(mediaType);
        writer.WriteStartObject("schema");
        writer.WriteString("$ref", SchemaWriter.RefPrefix + schema);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
