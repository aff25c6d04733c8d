using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Protobuf;

// Decodes Kubernetes protobuf request bodies (what kubectl 1.32's typed clients send for `create <generator>` and
// `auth can-i`) into the JSON form the API serves, so that the rest of the server only ever sees JSON.
public static class KubeProtobuf
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    // "k8s\0": every protobuf body starts with it, followed by a runtime.Unknown envelope.
    public static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    // Decodes `body` into the object's JSON with "kind" and "apiVersion" set from the envelope. On failure returns
    // false and a message fit for a 400/415 Status; malformed input never throws and never loops.
    public static bool TryDecode(ReadOnlySpan<byte> body, [NotNullWhen(true)] out JsonObject? obj, [NotNullWhen(false)] out string? error)
    {
        obj = null;
        if (!body.StartsWith(Magic))
        {
            error = "protobuf body does not start with the k8s\\0 magic bytes";
            return false;
        }

        error = ReadEnvelope(body[Magic.Length..], out var apiVersion, out var kind, out var raw);
        if (error is not null)
        {
            return false;
        }

        if (!ProtoKinds.TryFind(ProtoSchema.Kubernetes, apiVersion, kind, out var message, out error))
        {
            return false;
        }

        // Go's JSON puts TypeMeta (kind, then apiVersion) first.
        var result = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion };
        try
        {
            error = ProtoJsonDecoder.DecodeInto(body.Slice(raw.Start, raw.Length), message, result, 1);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Not expected for any input; kept so a decoder bug answers 400 instead of failing the request.
            error = $"internal decoder error: {e.Message}";
        }
        if (error is not null)
        {
            error = $"cannot decode {apiVersion} {kind} from protobuf: {error}";
            return false;
        }
        obj = result;
        return true;
    }

    private readonly record struct Slice(int Start, int Length);

    // runtime.Unknown {1: TypeMeta {1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType}.
    // `raw` is returned as a range of the whole body (after the magic) so no bytes are copied.
    private static string? ReadEnvelope(ReadOnlySpan<byte> envelope, out string apiVersion, out string kind, out Slice raw)
    {
        apiVersion = kind = "";
        raw = new Slice(Magic.Length, 0);
        string contentEncoding = "", contentType = "";
        var reader = new WireReader(envelope);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out int number, out var wireType))
            {
                return "malformed protobuf envelope";
            }

            if (number is < 1 or > 4)
            {
                if (!reader.TrySkip(wireType))
                {
                    return "malformed protobuf envelope";
                }

                continue;
            }
            if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var bytes))
            {
                return "malformed protobuf envelope";
            }

            switch (number)
            {
                case 1:
                    if (ReadTypeMeta(bytes, out apiVersion, out kind) is { } typeMetaError)
                    {
                        return typeMetaError;
                    }

                    break;
                case 2:
                    // The bytes just read end at the reader's position; the magic sits in front of the envelope.
                    raw = new Slice(Magic.Length + reader.Position - bytes.Length, bytes.Length);
                    break;
                case 3:
                    contentEncoding = Encoding.UTF8.GetString(bytes);
                    break;
                default:
                    contentType = Encoding.UTF8.GetString(bytes);
                    break;
            }
        }

        if (contentEncoding.Length > 0)
        {
            return $"protobuf envelope contentEncoding \"{contentEncoding}\" is not supported";
        }

        if (contentType.Length > 0 && contentType != ContentType)
        {
            return $"protobuf envelope contentType \"{contentType}\" is not supported";
        }

        if (kind.Length == 0 || apiVersion.Length == 0)
        {
            return "protobuf envelope has no apiVersion and kind";
        }

        return null;
    }

    private static string? ReadTypeMeta(ReadOnlySpan<byte> typeMeta, out string apiVersion, out string kind)
    {
        apiVersion = kind = "";
        var reader = new WireReader(typeMeta);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out int number, out var wireType))
            {
                return "malformed protobuf envelope type";
            }

            if (number is 1 or 2 && wireType == WireType.LengthDelimited && reader.TryReadLengthDelimited(out var bytes))
            {
                if (number == 1)
                {
                    apiVersion = Encoding.UTF8.GetString(bytes);
                }
                else
                {
                    kind = Encoding.UTF8.GetString(bytes);
                }
            }
            else if (number is 1 or 2 || !reader.TrySkip(wireType))
            {
                return "malformed protobuf envelope type";
            }
        }
        return null;
    }
}
