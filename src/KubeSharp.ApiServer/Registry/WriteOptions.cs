namespace KubeSharp.ApiServer.Registry;

/// <summary>Request options that apply to every write (query parameters of create/update/patch/delete).</summary>
/// <param name="FieldManager">Who makes the write, for managedFields (upstream defaults it from the user agent).</param>
/// <param name="Apply">A server-side apply: its managedFields were already computed by the apply merge.</param>
/// <param name="Subresource">The subresource written through ("status", "scale"), recorded in managedFields.</param>
public sealed record WriteOptions(bool DryRun, string? FieldManager, bool Apply = false, string? Subresource = null)
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
