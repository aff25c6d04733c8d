using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeSharp.ApiServer.Http;

/// <summary>YAML request bodies (application/yaml, apply-patch+yaml) to JSON trees, resolving plain scalars the way
/// YAML 1.1/1.2 core schema does (numbers, booleans, null) and keeping quoted scalars as strings.</summary>
public static class YamlToJson
{
    public static JsonNode Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Errors.BadRequest($"error converting YAML to JSON: yaml: line {e.Start.Line}: {e.Message}");
        }
        if (stream.Documents.Count == 0) throw Errors.BadRequest("Object 'Kind' is missing in ''");
        return Convert(stream.Documents[0].RootNode) ?? throw Errors.BadRequest("Object 'Kind' is missing in 'null'");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    var key = k is YamlScalarNode s ? s.Value ?? "" : throw Errors.BadRequest("error converting YAML to JSON: non-string map key");
                    obj[key] = Convert(v);
                }
                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                foreach (var item in seq.Children) arr.Add(Convert(item));
                return arr;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw Errors.BadRequest("error converting YAML to JSON: unsupported node");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.')
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(value);
    }
}
