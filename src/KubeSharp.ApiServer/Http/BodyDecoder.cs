using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiServer.Http;

/// <summary>
/// Request bodies to typed objects: JSON, YAML and kubectl's protobuf envelope, with upstream's field validation
/// (unknown fields rejected under Strict, reported as warnings under Warn) and kind/apiVersion checks.
/// </summary>
public static class BodyDecoder
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";

    /// <summary>The media type without parameters, lower-cased; JSON when absent.</summary>
    public static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return Json;
        var semi = contentType.IndexOf(';');
        return (semi >= 0 ? contentType[..semi] : contentType).Trim().ToLowerInvariant();
    }

    /// <summary>Parses a JSON, YAML or protobuf body into a JSON tree. Malformed input is a 400.</summary>
    public static JsonNode ParseNode(byte[] body, string mediaType)
    {
        switch (mediaType)
        {
            case Json:
                try
                {
                    return JsonNode.Parse(body) ?? throw Errors.BadRequest("Object 'Kind' is missing in 'null'");
                }
                catch (JsonException e)
                {
                    throw Errors.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
                }
            case Yaml or "text/yaml" or "application/x-yaml":
                return YamlToJson.Parse(Encoding.UTF8.GetString(body));
            case Protobuf:
                return ProtobufBody.Decode(body);
            default:
                throw Errors.UnsupportedMediaType(mediaType);
        }
    }

    /// <summary>Decodes a body meant to be an object of <paramref name="resource"/>'s kind.</summary>
    public static IKubernetesObject<V1ObjectMeta> DecodeObject(byte[] body, string mediaType, ResourceInfo resource,
        FieldValidation validation, List<string> warnings)
    {
        if (mediaType == Json)
        {
            // Fast path: strict typed deserialization straight from bytes; only bodies with unknown or malformed
            // fields take the slower tree walk below.
            try
            {
                var direct = JsonSerializer.Deserialize(body, resource.ModelType, KubeJson.StrictOptions) as IKubernetesObject<V1ObjectMeta>;
                if (direct != null)
                {
                    CheckKind(direct.ApiVersion, direct.Kind, resource);
                    return direct;
                }
            }
            catch (JsonException)
            {
                // Fall through to the tree path, which produces the precise error or the warnings.
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException or ArgumentException or OverflowException)
            {
                // Converters in the client library throw these on bad scalar values; the tree path reports them as 400.
            }
        }
        return DecodeNode(ParseNode(body, mediaType), resource, validation, warnings);
    }

    public static IKubernetesObject<V1ObjectMeta> DecodeNode(JsonNode node, ResourceInfo resource, FieldValidation validation, List<string> warnings)
    {
        if (node is not JsonObject obj)
        {
            throw Errors.BadRequest($"the object provided is unrecognized (must be of type {resource.Kind})");
        }
        CheckKind(obj["apiVersion"]?.GetValueKind() == JsonValueKind.String ? (string?)obj["apiVersion"] : null,
            obj["kind"]?.GetValueKind() == JsonValueKind.String ? (string?)obj["kind"] : null, resource);
        if (validation != FieldValidation.Ignore)
        {
            var unknown = ModelSchema.UnknownFields(obj, resource.ModelType);
            if (unknown.Count > 0)
            {
                var messages = unknown.Select(u => $"unknown field \"{u}\"").ToList();
                if (validation == FieldValidation.Strict)
                {
                    throw Errors.BadRequest("strict decoding error: " + string.Join(", ", messages));
                }
                warnings.AddRange(messages);
            }
        }
        try
        {
            return (IKubernetesObject<V1ObjectMeta>)KubeJson.Deserialize(obj, resource.ModelType);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or OverflowException)
        {
            throw Errors.BadRequest($"error decoding {resource.Kind}: {Clean(e.Message)}");
        }
    }

    private static void CheckKind(string? apiVersion, string? kind, ResourceInfo resource)
    {
        if (!string.IsNullOrEmpty(kind) && kind != resource.Kind)
        {
            throw Errors.BadRequest($"the object provided is unrecognized (must be of type {resource.Kind}): kind {kind} does not match {resource.Kind}");
        }
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != resource.GroupVersion)
        {
            throw Errors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.GroupVersion})");
        }
    }

    private static string Clean(string message)
    {
        // System.Text.Json messages mention .NET type names; keep the JSON path part, which is what users need.
        var path = message.IndexOf("Path:", StringComparison.Ordinal);
        return path >= 0 ? message[path..].Split('|')[0].Trim() + " has an invalid value" : message;
    }
}
