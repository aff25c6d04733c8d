using k8s.Models;

namespace KubeSharp.Client.Rest;

/// <summary>
/// A request the API server answered with a failure: carries the metav1.Status it sent (or one synthesized from
/// the HTTP status when the body was not a Status), like client-go's apierrors.StatusError.
/// </summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(V1Status status)
        : base($"{status.Code} {status.Reason}: {status.Message}")
    {
        Status = status;
    }

    public V1Status Status { get; }

    public int Code => Status.Code ?? 0;

    /// <summary>Machine-readable reason, e.g. NotFound, AlreadyExists, Conflict, Expired.</summary>
    public string Reason => Status.Reason ?? "";
}
