using System.Globalization;
using System.Text.Json;

namespace KubeSharp.ApiServer.Cache;

/// <summary>
/// Sets metadata.resourceVersion in serialized object bytes without a deserialize/serialize round trip: the store
/// holds objects without a resourceVersion (only its revision defines it), so every served copy needs it added,
/// and this is on the path of every write and every cache update.
/// </summary>
public static class ResourceVersionInjector
{
    public static byte[] Inject(ReadOnlySpan<byte> json, long resourceVersion)
    {
        var insertAt = FindMetadataStart(json, out var emptyMetadata, out var existing);
        Span<byte> digits = stackalloc byte[20];
        resourceVersion.TryFormat(digits, out var n, provider: CultureInfo.InvariantCulture);
        ReadOnlySpan<byte> prefix = "\"resourceVersion\":\""u8;
        if (existing.Length > 0)
        {
            // Replace an existing value (e.g. a stale one) in place.
            var result = new byte[json.Length - existing.Length + n + 2];
            json[..existing.Start].CopyTo(result);
            var pos = existing.Start;
            result[pos++] = (byte)'"';
            digits[..n].CopyTo(result.AsSpan(pos));
            pos += n;
            result[pos++] = (byte)'"';
            json[existing.End..].CopyTo(result.AsSpan(pos));
            return result;
        }
        if (insertAt < 0) throw new JsonException("object has no metadata");
        var extra = prefix.Length + n + 1 + (emptyMetadata ? 0 : 1);
        var output = new byte[json.Length + extra];
        json[..insertAt].CopyTo(output);
        var at = insertAt;
        prefix.CopyTo(output.AsSpan(at));
        at += prefix.Length;
        digits[..n].CopyTo(output.AsSpan(at));
        at += n;
        output[at++] = (byte)'"';
        if (!emptyMetadata) output[at++] = (byte)',';
        json[insertAt..].CopyTo(output.AsSpan(at));
        return output;
    }

    /// <summary>Position just after the '{' of the top-level metadata object, whether it is empty, and the byte range
    /// of an existing resourceVersion string token (quotes included).</summary>
    private static int FindMetadataStart(ReadOnlySpan<byte> json, out bool empty, out (int Start, int End, int Length) existing)
    {
        empty = false;
        existing = default;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (!isMetadata)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartObject) return -1;
            var insertAt = (int)reader.TokenStartIndex + 1;
            var properties = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                properties++;
                var isRv = reader.ValueTextEquals("resourceVersion"u8);
                reader.Read();
                if (isRv && reader.TokenType == JsonTokenType.String)
                {
                    var start = (int)reader.TokenStartIndex;
                    var end = start + reader.ValueSpan.Length + 2;
                    existing = (start, end, end - start);
                    return insertAt;
                }
                reader.Skip();
            }
            empty = properties == 0;
            return insertAt;
        }
        return -1;
    }
}
