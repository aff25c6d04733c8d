using System.Text;
using System.Text.Json;

namespace KubeSharp.ApiServer.Http;

/// <summary>List continue tokens: base64 JSON of the pinned revision and the last key returned, the shape upstream uses.</summary>
public static class ContinueToken
{
    public static string Encode(long revision, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["v"] = "meta.k8s.io/v1",
            ["rv"] = revision,
            ["start"] = lastKey + "\u0000",
        }))).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static (long Revision, string StartAfter) Decode(string token)
    {
        try
        {
            var s = token.Replace('-', '+').Replace('_', '/');
            s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
            using var doc = JsonDocument.Parse(Convert.FromBase64String(s));
            var rv = doc.RootElement.GetProperty("rv").GetInt64();
            var start = doc.RootElement.GetProperty("start").GetString() ?? "";
            if (rv <= 0) throw new FormatException();
            return (rv, start.TrimEnd('\u0000'));
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Errors.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
    }
}
