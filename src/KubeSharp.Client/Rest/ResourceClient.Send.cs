using System.Net.Http.Headers;
using System.Text.Json;
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
        return JsonSerializer.Deserialize(bytes, KubeJson.TypeInfo<TResult>())
            ?? throw new JsonException($"{method} {path}: empty response body");
    }

    /// <summary>Turns a failed response into a StatusError (see <see cref="KubeApiException.FromResponse"/>).</summary>
    internal static KubeApiException ToException(int code, byte[] body) => KubeApiException.FromResponse(code, body);
}
