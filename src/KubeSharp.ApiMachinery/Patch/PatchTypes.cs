using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>Maps PATCH content types to <see cref="PatchType"/>; anything else is upstream's 415.</summary>
public static class PatchTypes
{
    public const string JsonPatchContentType = "application/json-patch+json";
    public const string MergePatchContentType = "application/merge-patch+json";
    public const string StrategicMergePatchContentType = "application/strategic-merge-patch+json";
    public const string ApplyPatchContentType = "application/apply-patch+yaml";

    /// <summary>Parses a Content-Type header value, ignoring parameters such as <c>charset</c> and case.</summary>
    public static bool TryParse(string? contentType, out PatchType type)
    {
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        if (mediaType.Equals(JsonPatchContentType, StringComparison.OrdinalIgnoreCase))
        {
            type = PatchType.Json;
        }
        else if (mediaType.Equals(MergePatchContentType, StringComparison.OrdinalIgnoreCase))
        {
            type = PatchType.Merge;
        }
        else if (mediaType.Equals(StrategicMergePatchContentType, StringComparison.OrdinalIgnoreCase))
        {
            type = PatchType.StrategicMerge;
        }
        else if (mediaType.Equals(ApplyPatchContentType, StringComparison.OrdinalIgnoreCase))
        {
            type = PatchType.Apply;
        }
        else
        {
            type = default;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Applies a JSON, merge or strategic merge patch to a copy of <paramref name="original"/>.
    /// <paramref name="modelType"/> is the object's k8s.Models type, or null for kinds without one (custom
    /// resources), for which upstream answers strategic merge patches with 415. Server-side apply has its own
    /// entry point, <see cref="ServerSideApply.Apply"/>.
    /// </summary>
    public static JsonNode Apply(PatchType type, JsonNode original, JsonNode patch, Type? modelType)
    {
        switch (type)
        {
            case PatchType.Json:
                return JsonPatch.Apply(original, patch)
                    ?? throw new PatchException("the patch removed the whole object", PatchErrorKind.Unprocessable);
            case PatchType.Merge:
                return JsonMergePatch.Apply(original, patch)
                    ?? throw new PatchException("the patch removed the whole object", PatchErrorKind.Unprocessable);
            case PatchType.StrategicMerge when modelType is null:
                throw new PatchException(
                    "the body of the request was in an unknown format - accepted media types include: " +
                    "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
                    PatchErrorKind.UnsupportedMediaType);
            case PatchType.StrategicMerge:
                return StrategicMergePatch.Apply(original, patch, modelType);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "server-side apply goes through ServerSideApply.Apply");
        }
    }
}
