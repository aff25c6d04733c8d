using System.Text.RegularExpressions;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's SetDefaults_Container pull-policy rule: parse the image reference; an explicit "latest" tag, or no tag
/// and no digest (which means "latest"), pulls Always; anything else, including references that do not parse,
/// pulls IfNotPresent.
/// </summary>
public static partial class ImagePullPolicyDefaults
{
    // A docker reference path: lowercase components separated by '/', with an optional registry host[:port] first.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$")]
    private static partial Regex DigestPattern();

    public static string For(string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return "IfNotPresent";
        }
        var rest = image;
        var digest = "";
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                return "IfNotPresent";
            }
        }
        var tag = "";
        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                return "IfNotPresent";
            }
        }
        if (!NamePattern().IsMatch(rest))
        {
            return "IfNotPresent";
        }
        if (tag.Length == 0 && digest.Length == 0)
        {
            tag = "latest";
        }
        return tag == "latest" ? "Always" : "IfNotPresent";
    }
}
