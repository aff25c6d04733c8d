using System.Text.Json;
using KubeSharp.ApiMachinery.OpenApi;

namespace KubeSharp.ApiMachinery.Tests.OpenApi;

/// <summary>Parsed documents shared by the tests (built once per test run).</summary>
internal static class Documents
{
    private static readonly Dictionary<string, Lazy<JsonElement>> _parsed = OpenApiDocuments.Paths.ToDictionary(
        p => p, p => new Lazy<JsonElement>(() => JsonDocument.Parse(OpenApiDocuments.ForGroupVersion(p)!).RootElement));

    public static JsonElement For(string path) => _parsed[path].Value;

    public static JsonElement Schema(string path, string name) => For(path).GetProperty("components").GetProperty("schemas").GetProperty(name);

    public static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var member in path.Value.EnumerateObject())
            {
                if (member.Name != "parameters")
                {
                    yield return (path.Name, member.Name, member.Value);
                }
            }
        }
    }

    public static bool HasQueryParameter(JsonElement operation, string name) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == name && p.GetProperty("in").GetString() == "query");

    public static (string Group, string Version, string Kind) Gvk(JsonElement value) =>
        (value.GetProperty("group").GetString()!, value.GetProperty("version").GetString()!, value.GetProperty("kind").GetString()!);
}
