using System.Formats.Tar;
using System.Text.Json.Nodes;

namespace KubeSharp.Agent.Images;

/// <summary>Reads what an OCI image layout archive holds, without unpacking it.</summary>
public static class OciArchive
{
    /// <summary>
    /// The config digest (what CRI reports as the image id) of the single image in an OCI layout archive, or null
    /// when the archive is not an OCI layout with one image (a docker-save tar, a multi-image index).
    /// </summary>
    public static string? ReadImageId(string path)
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[]? index = null;
        using (var reader = new TarReader(File.OpenRead(path)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                // Only JSON documents are read into memory; layers are skipped by size.
                if (entry.DataStream is null || entry.Length > 1024 * 1024) continue;
                if (name == "index.json" || name.StartsWith("blobs/sha256/", StringComparison.Ordinal))
                {
                    var ms = new MemoryStream();
                    entry.DataStream.CopyTo(ms);
                    if (name == "index.json") index = ms.ToArray();
                    else blobs["sha256:" + name["blobs/sha256/".Length..]] = ms.ToArray();
                }
            }
        }
        if (index is null) return null;
        var manifests = JsonNode.Parse(index)?["manifests"]?.AsArray();
        if (manifests is not { Count: 1 } || (string?)manifests[0]?["mediaType"] != MediaTypes.Manifest) return null;
        if (!blobs.TryGetValue((string?)manifests[0]?["digest"] ?? "", out var manifest)) return null;
        return (string?)JsonNode.Parse(manifest)?["config"]?["digest"];
    }
}
