namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// A label or field selector string (or a <c>V1LabelSelector</c>) that upstream would reject. The API server maps it to
/// a 400 BadRequest Status whose message is <see cref="Exception.Message"/>.
/// </summary>
public sealed class SelectorParseException : Exception
{
    public SelectorParseException(string message)
        : base(message)
    {
    }
}
