using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiServer.Http;

/// <summary>
/// Ends request processing with a metav1.Status answer. Thrown only inside the request pipeline and always caught
/// by <see cref="ApiHandler"/>, which writes it as the response; it is the HTTP boundary's way of returning a
/// Status from deep in the registry without threading result types through every layer.
/// </summary>
public sealed class StatusException(int code, string reason, string message) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public string? DetailsName { get; init; }
    public string? DetailsGroup { get; init; }
    public string? DetailsKind { get; init; }
    public string? DetailsUid { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public IReadOnlyList<FieldError>? Causes { get; init; }
}
