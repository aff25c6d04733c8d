using System.Net.Http.Headers;
using System.Text.Json;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.Client.Rest;

public sealed partial class ResourceClient<T>
{
    private async Task<TResult> SendAsync<TResult>(HttpMethod method, string path, HttpContent? content,
        MediaTypeHeaderValue? contentType, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_requestTimeout);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (content != null && contentType != null) content.Headers.ContentType = contentType;
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        if (!response.IsSuccessStatusCode) throw ToException((int)response.StatusCode, bytes);
        return JsonSerializer.Deserialize<TResult>(bytes, KubeJson.Options)
            ?? throw new JsonException($"{method} {path}: empty response body");
    }

    /// <summary>Turns a failed response into a StatusError; non-Status bodies (proxies, panics) keep their text.</summary>
    internal static KubeApiException ToException(int code, byte[] body)
    {
        try
        {
            var status = JsonSerializer.Deserialize<V1Status>(body, KubeJson.Options);
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
