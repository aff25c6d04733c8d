using System.Globalization;
using System.Text;

namespace KubeSharp.Kubelet.Logs;

/// <summary>
/// One line of a CRI container log file: <c>&lt;RFC3339Nano time&gt; &lt;stdout|stderr&gt; &lt;P|F&gt; &lt;content&gt;</c>.
/// The runtime splits long output into partial (P) records that end with a full (F) one.
/// </summary>
public readonly record struct CriLogLine(DateTimeOffset Time, string RawTime, string Stream, bool Partial, byte[] Content)
{
    /// <summary>Parses one line (without its newline); null for a malformed line, which readers skip.</summary>
    public static CriLogLine? Parse(ReadOnlySpan<byte> line)
    {
        var s1 = line.IndexOf((byte)' ');
        if (s1 <= 0) return null;
        var rawTime = Encoding.ASCII.GetString(line[..s1]);
        if (!DateTimeOffset.TryParse(rawTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return null;
        var rest = line[(s1 + 1)..];
        var s2 = rest.IndexOf((byte)' ');
        if (s2 <= 0) return null;
        var stream = Encoding.ASCII.GetString(rest[..s2]);
        rest = rest[(s2 + 1)..];
        // The tag field is "P" or "F", possibly with more ':'-separated tags in future runtimes.
        var s3 = rest.IndexOf((byte)' ');
        ReadOnlySpan<byte> tag;
        ReadOnlySpan<byte> content;
        if (s3 < 0)
        {
            tag = rest;
            content = [];
        }
        else
        {
            tag = rest[..s3];
            content = rest[(s3 + 1)..];
        }
        var partial = tag.Length > 0 && tag[0] == (byte)'P';
        return new CriLogLine(time, rawTime, stream, partial, content.ToArray());
    }
}
