using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>Writer settings for the documents: descriptions are full of '&lt;', '&gt;', '&amp;' and quotes that need no HTML escaping.</summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
