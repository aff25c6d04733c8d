namespace KubeSharp.ApiServer.Registry;

/// <summary>Request options that apply to every write (query parameters of create/update/patch/delete).</summary>
public sealed record WriteOptions(bool DryRun, string? FieldManager)
{
    public static WriteOptions Default { get; } = new(false, null);
}

/// <summary>Which part of the object an update may change.</summary>
public enum UpdateScope
{
    Main,
    Status,
    Finalize,

    /// <summary>pods/binding: sets spec.nodeName, which no client update may change.</summary>
    Binding,
}
