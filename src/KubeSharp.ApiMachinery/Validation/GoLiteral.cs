namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// A bad value that upstream prints with its own String() or %#v form (label selectors, strategies); the text is
/// placed in the message unquoted.
/// </summary>
internal sealed record GoLiteral(string Text)
{
    public override string ToString() => Text;
}
