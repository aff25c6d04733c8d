using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KubeSharp.Proxy.Health;

/// <summary>
/// Small JSON response bodies written with <see cref="Utf8JsonWriter"/> instead of the reflection serializer, which
/// the Native AOT node build lacks. The writer's default encoder escapes exactly as <c>JsonSerializer</c>'s default
/// did (e.g. '&lt;' as \u003C), so the bytes on the wire did not change with it.
/// </summary>
internal static class JsonBody
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
