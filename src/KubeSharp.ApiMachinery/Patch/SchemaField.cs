namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// What the model says about one JSON field: the CLR type of its value (the element type for lists; null when
/// unknown), whether it is a list, its strategic-merge tags, and whether server-side apply treats it as atomic.
/// </summary>
internal readonly record struct SchemaField(Type? ValueType, bool IsList, PatchFieldMetadata Metadata, bool IsAtomic = false)
{
    internal static SchemaField Unknown { get; } = new(null, false, PatchFieldMetadata.None);
}
