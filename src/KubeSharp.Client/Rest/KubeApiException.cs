using System.Text.Json;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

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

    /// <summary>Turns a failed response into a StatusError; non-Status bodies (proxies, panics) keep their text.</summary>
    public static KubeApiException FromResponse(int code, byte[] body)
    {
        try
        {
            var status = JsonSerializer.Deserialize(body, KubeJson.TypeInfo<V1Status>());
            if (status is { Kind: "Status" })
            {
                status.Code ??= code;
                return new KubeApiException(status);
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: fall through to a synthesized Status.
        }
        return new KubeApiException(new V1Status
        {
            Kind = "Status",
            ApiVersion = "v1",
            Status = "Failure",
            Code = code,
            Reason = ReasonFor(code),
            Message = System.Text.Encoding.UTF8.GetString(body),
        });
    }

    /// <summary>The reason upstream's client infers from a bare HTTP code (apierrors.NewGenericServerResponse).</summary>
    private static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };
}
