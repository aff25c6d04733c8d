using System.Formats.Tar;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeSharp.Agent.Images;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent.Tests.Registries;

/// <summary>
/// A plain-HTTP OCI distribution registry on 127.0.0.1 serving one image, with HTTP Basic authentication: just the
/// read side of the spec containerd uses to pull (<c>/v2/</c>, manifests by tag or digest, blobs; GET and HEAD).
/// </summary>
public sealed class TestRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _blobs;
    private readonly string _manifestDigest;
    private readonly string _expectedAuthorization;
    private int _unauthorized;
    private int _served;

    private TestRegistry(WebApplication app, Dictionary<string, byte[]> blobs, string manifestDigest, string user, string password)
    {
        _app = app;
        _blobs = blobs;
        _manifestDigest = manifestDigest;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
    }

    public string Repository { get; private init; } = "";
    public string Tag { get; private init; } = "";
    /// <summary>The image's config digest: what CRI reports as the image id after a pull.</summary>
    public string ImageId { get; private init; } = "";
    public int Port { get; private set; }
    public int Unauthorized => Volatile.Read(ref _unauthorized);
    /// <summary>Manifest and blob responses with content (authorized).</summary>
    public int Served => Volatile.Read(ref _served);

    public static async Task<TestRegistry> StartAsync(string repository, string tag, OciImageBuilder image, string user, string password)
    {
        // Lay the image out as the archive the agent would import, then serve its blobs by digest.
        var archive = new MemoryStream();
        image.WriteArchive($"example.invalid/{repository}:{tag}", archive);
        archive.Position = 0;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var reader = new TarReader(archive))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null) continue;
                var data = new MemoryStream();
                entry.DataStream.CopyTo(data);
                files[entry.Name] = data.ToArray();
            }
        }
        var blobs = files.Where(f => f.Key.StartsWith("blobs/sha256/", StringComparison.Ordinal))
            .ToDictionary(f => "sha256:" + f.Key["blobs/sha256/".Length..], f => f.Value, StringComparer.Ordinal);
        var manifestDigest = JsonNode.Parse(files["index.json"])!["manifests"]![0]!["digest"]!.GetValue<string>();
        var configDigest = JsonNode.Parse(blobs[manifestDigest])!["config"]!["digest"]!.GetValue<string>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var registry = new TestRegistry(app, blobs, manifestDigest, user, password) { Repository = repository, Tag = tag, ImageId = configDigest };
        app.Run(registry.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        registry.Port = new Uri(address).Port;
        return registry;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Headers.Authorization.ToString() != _expectedAuthorization)
        {
            Interlocked.Increment(ref _unauthorized);
            response.StatusCode = 401;
            response.Headers.WWWAuthenticate = "Basic realm=\"kubesharp-test\"";
            return;
        }
        var path = request.Path.Value ?? "";
        if (path is "/v2" or "/v2/")
        {
            response.ContentType = "application/json";
            await response.WriteAsync("{}");
            return;
        }
        var prefix = $"/v2/{Repository}/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            response.StatusCode = 404;
            return;
        }
        var rest = path[prefix.Length..];
        string? digest = null;
        string mediaType = "application/octet-stream";
        if (rest.StartsWith("manifests/", StringComparison.Ordinal))
        {
            var reference = rest["manifests/".Length..];
            digest = reference == Tag || reference == _manifestDigest ? _manifestDigest : null;
            mediaType = MediaTypes.Manifest;
        }
        else if (rest.StartsWith("blobs/", StringComparison.Ordinal))
        {
            digest = rest["blobs/".Length..];
        }
        if (digest is null || !_blobs.TryGetValue(digest, out var body))
        {
            response.StatusCode = 404;
            return;
        }
        response.ContentType = mediaType;
        response.ContentLength = body.Length;
        response.Headers["Docker-Content-Digest"] = digest;
        if (HttpMethods.IsHead(request.Method)) return;
        Interlocked.Increment(ref _served);
        await response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
