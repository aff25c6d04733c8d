namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// A patch that upstream would refuse. <see cref="Kind"/> tells the API server which Status code to answer with;
/// the message becomes the Status message.
/// </summary>
public sealed class PatchException : Exception
{
    public PatchException(string message, PatchErrorKind kind = PatchErrorKind.BadRequest)
        : base(message)
    {
        Kind = kind;
    }

    public PatchErrorKind Kind { get; }
}
