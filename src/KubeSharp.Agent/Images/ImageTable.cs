using System.Globalization;
using System.Text;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Agent.Images;

/// <summary>The <c>kubesharp image ls</c> table: one row per repo tag, as <c>crictl images</c> prints it.</summary>
public static class ImageTable
{
    public static string Format(IEnumerable<Image> images)
    {
        var rows = new List<string[]> { new[] { "IMAGE", "TAG", "IMAGE ID", "SIZE" } };
        foreach (var image in images)
        {
            var id = image.Id.StartsWith("sha256:", StringComparison.Ordinal) ? image.Id["sha256:".Length..] : image.Id;
            id = id[..Math.Min(13, id.Length)];
            var size = HumanSize(image.Size);
            if (image.RepoTags.Count == 0)
            {
                // Untagged (imported by digest only): show the repository of its digest, as crictl does.
                var repo = image.RepoDigests.Count > 0 ? image.RepoDigests[0].Split('@')[0] : "<none>";
                rows.Add([repo, "<none>", id, size]);
            }
            foreach (var tag in image.RepoTags.Order(StringComparer.Ordinal))
            {
                var colon = tag.LastIndexOf(':');
                var (repo, t) = colon > tag.LastIndexOf('/') ? (tag[..colon], tag[(colon + 1)..]) : (tag, "<none>");
                rows.Add([repo, t, id, size]);
            }
        }
        var sorted = rows.Take(1).Concat(rows.Skip(1).OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal)).ToList();
        var widths = Enumerable.Range(0, 4).Select(c => sorted.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in sorted)
        {
            for (var c = 0; c < 4; c++)
            {
                sb.Append(c < 3 ? row[c].PadRight(widths[c] + 3) : row[c]);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Decimal units, two significant decimals, like crictl ("4.26MB").</summary>
    public static string HumanSize(ulong bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        return unit == 0
            ? bytes.ToString(CultureInfo.InvariantCulture) + "B"
            : value.ToString("0.##", CultureInfo.InvariantCulture) + units[unit];
    }
}
