namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Strategic-merge facts of one API field: its <c>patchMergeKey</c> (null for none) and <c>patchStrategy</c>. Server-side
/// apply reads the same facts as the field's associative-list key.
/// </summary>
public sealed record PatchFieldMetadata(string? MergeKey, PatchStrategy Strategy)
{
    public static PatchFieldMetadata None { get; } = new(null, PatchStrategy.None);

    public bool MergesList => (Strategy & PatchStrategy.Merge) != 0;
}
