namespace KubeSharp.Client.Rest;

/// <summary>Content types of PATCH, as upstream names them.</summary>
public static class PatchType
{
    public const string Json = "application/json-patch+json";
    public const string Merge = "application/merge-patch+json";
    public const string StrategicMerge = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";
}
