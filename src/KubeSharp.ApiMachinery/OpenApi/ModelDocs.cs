using System.Text;
using System.Xml;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// Upstream's API documentation for the k8s.Models types, read once from the package's XML doc file: type
/// summaries become schema descriptions, property summaries field descriptions. Missing file ⇒ empty descriptions,
/// never an error (documentation is not worth failing a request for).
/// </summary>
public static class ModelDocs
{
    private const string ModelsPrefix = "k8s.Models.";

    private static readonly Lazy<Dictionary<string, string>> _members = new(Load);

    /// <summary>True when the XML doc file was found and parsed.</summary>
    public static bool Available => _members.Value.Count > 0;

    /// <summary>The summary of a k8s.Models type, or "".</summary>
    public static string ForType(Type type) =>
        _members.Value.GetValueOrDefault("T:" + type.FullName) ?? "";

    /// <summary>The summary of a k8s.Models property (by its C# name), or "".</summary>
    public static string ForProperty(Type declaringType, string propertyName) =>
        _members.Value.GetValueOrDefault("P:" + declaringType.FullName + "." + propertyName) ?? "";

    private static Dictionary<string, string> Load()
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = ModelDocsFile.Locate();
        if (path is null)
        {
            return members;
        }
        using var reader = XmlReader.Create(path, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Ignore });
        string? current = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.Name == "member")
            {
                var name = reader.GetAttribute("name");
                // Only k8s.Models types and properties: the rest of the 25 MB file is client API docs.
                current = name is not null && name.Length > 2 && string.CompareOrdinal(name, 2, ModelsPrefix, 0, ModelsPrefix.Length) == 0
                    && (name[0] == 'T' || name[0] == 'P') ? name : null;
            }
            else if (reader.Name == "summary" && current is not null)
            {
                members[current] = Normalize(reader.ReadInnerXml());
                current = null;
            }
        }
        return members;
    }

    // The XML wraps upstream's text at ~80 columns and indents it; upstream's own descriptions are single
    // paragraphs, so lines are rejoined with single spaces. Entities were escaped once by the doc writer.
    private static string Normalize(string innerXml)
    {
        var sb = new StringBuilder(innerXml.Length);
        foreach (var raw in innerXml.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(line);
        }
        return System.Net.WebUtility.HtmlDecode(sb.ToString());
    }
}
