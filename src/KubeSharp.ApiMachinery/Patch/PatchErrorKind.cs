namespace KubeSharp.ApiMachinery.Patch;

/// <summary>How the API server should answer a <see cref="PatchException"/>, following upstream's patch handler.</summary>
public enum PatchErrorKind
{
    /// <summary>The patch document itself is malformed (upstream: 400 BadRequest).</summary>
    BadRequest,

    /// <summary>The patch is well-formed but cannot be applied to this object (upstream: 422 Unprocessable Entity).</summary>
    Unprocessable,

    /// <summary>Server-side apply found fields owned by other managers (upstream: 409 Conflict).</summary>
    Conflict,

    /// <summary>Too many JSON patch operations (upstream: 413 Request Entity Too Large).</summary>
    RequestEntityTooLarge,

    /// <summary>The patch format does not apply to this kind, e.g. strategic merge on a custom resource (415).</summary>
    UnsupportedMediaType,
}
