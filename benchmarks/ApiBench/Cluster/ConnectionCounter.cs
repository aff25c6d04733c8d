using System.Globalization;

namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>
/// Counts established TCP connections to a local port from /proc/net/tcp{,6}, to report how many connections the
/// HTTP/2 client really used (it decides that itself once a connection's stream limit is reached).
/// </summary>
internal static class ConnectionCounter
{
    public static int EstablishedTo(int port)
    {
        var count = 0;
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(file))
            {
                continue;
            }
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                // "  sl  local_address rem_address   st ..."; addresses are HEXIP:HEXPORT, state 01 = ESTABLISHED.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[3] == "01" && PortOf(fields[2]) == port)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static int PortOf(string address) =>
        int.Parse(address.AsSpan(address.IndexOf(':', StringComparison.Ordinal) + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
