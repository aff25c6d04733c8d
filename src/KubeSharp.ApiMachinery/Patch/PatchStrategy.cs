namespace KubeSharp.ApiMachinery.Patch;

/// <summary>Upstream's <c>patchStrategy</c> struct tag values; a field without a tag is <see cref="None"/>.</summary>
[Flags]
public enum PatchStrategy
{
    /// <summary>No tag: maps merge, lists are replaced whole.</summary>
    None = 0,

    /// <summary><c>merge</c>: lists merge (by merge key for objects, as a set union for primitives).</summary>
    Merge = 1,

    /// <summary><c>retainKeys</c>: the <c>$retainKeys</c> directive may clear fields the patch does not keep.</summary>
    RetainKeys = 2,

    /// <summary><c>replace</c>: the field is replaced whole.</summary>
    Replace = 4,
}
