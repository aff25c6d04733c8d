using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeSharp.ApiServer.Http;

/// <summary>Writer settings matching Go's encoder closely enough for clients that compare messages: quotes are
/// escaped as \" (not \u0022) and non-ASCII text is written as is.</summary>
public static class JsonOutput
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
