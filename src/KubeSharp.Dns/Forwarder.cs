using System.Net;
using System.Net.Sockets;

namespace KubeSharp.Dns;

/// <summary>Relays queries for names outside the cluster zone to the node's resolvers, bytes unchanged.</summary>
public sealed class Forwarder(IReadOnlyList<IPEndPoint> upstreams, TimeSpan timeout)
{
    public IReadOnlyList<IPEndPoint> Upstreams { get; } = upstreams;

    /// <summary>The nameservers of a resolv.conf (ignoring loopback stubs that would loop back to us when we bind there).</summary>
    public static IReadOnlyList<IPEndPoint> FromResolvConf(string path)
    {
        if (!File.Exists(path)) return [];
        return File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("nameserver", StringComparison.Ordinal))
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 2 && IPAddress.TryParse(p[1], out _))
            .Select(p => new IPEndPoint(IPAddress.Parse(p[1]), 53))
            .ToList();
    }

    /// <summary>Null when every upstream failed or timed out (the caller answers SERVFAIL).</summary>
    public async Task<byte[]?> ForwardUdpAsync(byte[] query, CancellationToken ct)
    {
        foreach (var upstream in Upstreams)
        {
            using var udp = new UdpClient(upstream.AddressFamily);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            try
            {
                await udp.SendAsync(query, upstream, cts.Token);
                var result = await udp.ReceiveAsync(cts.Token);
                return result.Buffer;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                // Try the next resolver.
            }
        }
        return null;
    }

    public async Task<byte[]?> ForwardTcpAsync(byte[] query, CancellationToken ct)
    {
        foreach (var upstream in Upstreams)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            try
            {
                using var tcp = new TcpClient(upstream.AddressFamily);
                await tcp.ConnectAsync(upstream, cts.Token);
                var stream = tcp.GetStream();
                await DnsServer.WriteFramedAsync(stream, query, cts.Token);
                return await DnsServer.ReadFramedAsync(stream, cts.Token);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                // Try the next resolver.
            }
        }
        return null;
    }
}
