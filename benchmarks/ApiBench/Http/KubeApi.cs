using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KubeSharp.Benchmarks.ApiBench.Http;

/// <summary>The handful of API calls the scenarios make outside their timed loops, plus the shared create call.</summary>
internal static class KubeApi
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static string PodsPath(string ns) => $"/api/v1/namespaces/{ns}/pods";

    /// <summary>
    /// A request with the client's protocol version: a hand-made HttpRequestMessage defaults to HTTP/1.1 whatever the
    /// client's DefaultRequestVersion says (only GetAsync/PostAsync and friends apply that default).
    /// </summary>
    public static HttpRequestMessage Request(HttpClient client, HttpMethod method, string path) =>
        new(method, path) { Version = client.DefaultRequestVersion, VersionPolicy = client.DefaultVersionPolicy };

    public static async Task CreateNamespaceAsync(HttpClient client, string name, CancellationToken cancellationToken)
    {
        var body = $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{name}}}"}}""";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        using var response = await client.PostAsync("/api/v1/namespaces", content, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
    }

    /// <summary>POSTs one pod and returns the HTTP status; the response body is read so the timing covers it.</summary>
    public static async Task<int> CreatePodAsync(HttpClient client, string podsPath, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await client.PostAsync(podsPath, content, cancellationToken);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        return (int)response.StatusCode;
    }

    public static async Task<string> ListResourceVersionAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return doc.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
    }

    /// <summary>Every pod name in a namespace, paged so a large store does not need one huge response.</summary>
    public static async Task<HashSet<string>> ListPodNamesAsync(HttpClient client, string ns, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? continueToken = null;
        do
        {
            var path = $"{PodsPath(ns)}?limit=5000" + (continueToken != null ? $"&continue={Uri.EscapeDataString(continueToken)}" : "");
            using var response = await client.GetAsync(path, cancellationToken);
            await EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
            {
                names.Add(item.GetProperty("metadata").GetProperty("name").GetString()!);
            }
            continueToken = doc.RootElement.GetProperty("metadata").TryGetProperty("continue", out var c) ? c.GetString() : null;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return names;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }
    }
}
