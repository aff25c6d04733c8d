using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Patch;

namespace KubeSharp.ApiServer.Http;

/// <summary>Applies a PATCH body of the given content type to the current object's JSON, mapping patch errors to
/// the Status codes upstream uses.</summary>
public static class PatchApplier
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    public static JsonNode Apply(JsonNode current, JsonNode patch, string patchType, Type modelType)
    {
        if (!PatchTypes.TryParse(patchType, out var type) || type == PatchType.Apply) throw Errors.UnsupportedMediaType(patchType);
        try
        {
            return PatchTypes.Apply(type, current, patch, modelType);
        }
        catch (PatchException e)
        {
            throw ToStatus(e);
        }
    }

    public static StatusException ToStatus(PatchException e) => e.Kind switch
    {
        PatchErrorKind.Unprocessable => new StatusException(422, "Invalid", e.Message),
        PatchErrorKind.Conflict => new StatusException(409, "Conflict", e.Message),
        PatchErrorKind.RequestEntityTooLarge => new StatusException(413, "RequestEntityTooLarge", e.Message),
        PatchErrorKind.UnsupportedMediaType => new StatusException(415, "UnsupportedMediaType", e.Message),
        _ => Errors.BadRequest(e.Message),
    };
}
