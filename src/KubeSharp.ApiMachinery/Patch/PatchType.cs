namespace KubeSharp.ApiMachinery.Patch;

/// <summary>The PATCH body formats upstream accepts, named after their content types.</summary>
public enum PatchType
{
    /// <summary><c>application/json-patch+json</c> (RFC 6902).</summary>
    Json,

    /// <summary><c>application/merge-patch+json</c> (RFC 7386).</summary>
    Merge,

    /// <summary><c>application/strategic-merge-patch+json</c>.</summary>
    StrategicMerge,

    /// <summary><c>application/apply-patch+yaml</c> (server-side apply; kubectl sends JSON, which is YAML).</summary>
    Apply,
}
