namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// Supplies an object's selectable field values (e.g. <c>metadata.name</c>, <c>status.phase</c>). Implement it on a
/// struct and call <see cref="FieldSelector.Matches{TSource}(TSource)"/> so matching neither boxes nor allocates.
/// </summary>
public interface IFieldSource
{
    /// <summary>The field's value, or null when the object has no such field (matched as "", like upstream).</summary>
    string? GetField(string field);
}
