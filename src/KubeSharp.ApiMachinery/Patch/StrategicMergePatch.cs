using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) for built-in kinds, as sent by
/// <c>kubectl apply</c> (client-side), <c>kubectl patch</c>, <c>set image</c>, <c>rollout restart</c>... Follows upstream's
/// apply-time semantics (parallel delete lists merged, unmatched nulls ignored): maps merge and <c>null</c> deletes;
/// lists tagged <c>merge</c> merge by their merge key (objects) or as a set (primitives); other lists are replaced;
/// directives <c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder/</c>, <c>$deleteFromPrimitiveList/</c> are honoured.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary>
    /// Applies <paramref name="patch"/> to a copy of <paramref name="original"/>. <paramref name="modelType"/> is the
    /// k8s.Models type of the object (e.g. <c>typeof(V1Deployment)</c>) and supplies each list's merge key.
    /// </summary>
    public static JsonNode Apply(JsonNode original, JsonNode patch, Type modelType)
    {
        if (patch is not JsonObject patchObject)
        {
            throw new PatchException("invalid JSON document");
        }

        if (original is not JsonObject originalObject)
        {
            throw new PatchException("invalid JSON document", PatchErrorKind.Unprocessable);
        }

        var target = (JsonObject)originalObject.DeepClone();
        // The merger consumes directives from the patch, so it works on a private copy.
        return StrategicMerger.MergeMap(target, (JsonObject)patchObject.DeepClone(), modelType);
    }
}
