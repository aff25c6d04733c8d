using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using KubeSharp.Dns.Wire;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Dns;

/// <summary>
/// UDP and TCP listeners (RFC 1035 §4.2): the cluster zone is answered by the resolver, everything else is
/// forwarded. Malformed packets are dropped (UDP) or end the connection (TCP); the server keeps serving.
/// </summary>
public sealed partial class DnsServer : IAsyncDisposable
{
    private readonly ClusterDnsResolver _resolver;
    private readonly Forwarder _forwarder;
    private readonly ILogger _logger;
    private readonly UdpClient _udp;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;

    public DnsServer(IPAddress address, int port, ClusterDnsResolver resolver, Forwarder forwarder, ILogger logger)
    {
        _resolver = resolver;
        _forwarder = forwarder;
        _logger = logger;
        // The TCP listener picks the port first so that UDP can take the same number when port is 0.
        _tcp = new TcpListener(address, port);
        _tcp.Start();
        Port = ((IPEndPoint)_tcp.LocalEndpoint).Port;
        _udp = new UdpClient(new IPEndPoint(address, Port));
        _udpLoop = Task.Run(() => UdpLoopAsync(_stop.Token));
        _tcpLoop = Task.Run(() => TcpLoopAsync(_stop.Token));
    }

    public int Port { get; }

    /// <summary>Answers one query packet; null means "send nothing" (unparseable input).</summary>
    public async Task<byte[]?> HandleAsync(byte[] packet, bool tcp, CancellationToken ct)
    {
        var query = DnsQuery.Parse(packet);
        if (query == null) return packet.Length >= 12 ? FormErr(packet) : null;
        DnsAnswer? answer;
        try
        {
            answer = _resolver.Resolve(query.Question);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogResolveFailed(_logger, query.Question.Name, e);
            return query.Answer(DnsRcode.ServFail, [], false, tcp ? 65535 : query.MaxUdpSize);
        }
        if (answer == null)
        {
            var forwarded = tcp ? await _forwarder.ForwardTcpAsync(packet, ct) : await _forwarder.ForwardUdpAsync(packet, ct);
            return forwarded ?? query.Answer(DnsRcode.ServFail, [], false, tcp ? 65535 : query.MaxUdpSize);
        }
        var authority = answer.WithSoa ? new[] { DnsRecord.Soa(_resolver.Zone, ClusterDnsResolver.Ttl) } : [];
        return query.Answer(answer.Rcode, answer.Records, authoritative: true, tcp ? 65535 : query.MaxUdpSize, authority);
    }

    /// <summary>A FORMERR echoing the id, for packets with a header but nothing we can read.</summary>
    private static byte[] FormErr(byte[] packet)
    {
        var answer = new byte[12];
        answer[0] = packet[0];
        answer[1] = packet[1];
        answer[2] = 0x80;
        answer[3] = (byte)DnsRcode.FormErr;
        return answer;
    }

    private async Task UdpLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _udp.ReceiveAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors from earlier sends surface here on Linux; keep serving.
                continue;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    var reply = await HandleAsync(received.Buffer, tcp: false, ct);
                    if (reply != null) await _udp.SendAsync(reply, received.RemoteEndPoint, ct);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client or the server went away.
                }
            }, CancellationToken.None);
        }
    }

    private async Task TcpLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(() => ServeTcpAsync(client, ct), CancellationToken.None);
        }
    }

    private async Task ServeTcpAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                while (true)
                {
                    idle.CancelAfter(TimeSpan.FromSeconds(10));
                    var packet = await ReadFramedAsync(stream, idle.Token);
                    if (packet == null) return;
                    var reply = await HandleAsync(packet, tcp: true, ct);
                    if (reply == null) return;
                    await WriteFramedAsync(stream, reply, ct);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Idle, closed or broken connection.
            }
        }
    }

    internal static async Task<byte[]?> ReadFramedAsync(Stream stream, CancellationToken ct)
    {
        var header = new byte[2];
        if (await stream.ReadAtLeastAsync(header, 2, throwOnEndOfStream: false, ct) < 2) return null;
        var length = BinaryPrimitives.ReadUInt16BigEndian(header);
        var packet = new byte[length];
        await stream.ReadExactlyAsync(packet, ct);
        return packet;
    }

    internal static async Task WriteFramedAsync(Stream stream, byte[] packet, CancellationToken ct)
    {
        var framed = new byte[packet.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)packet.Length);
        packet.CopyTo(framed, 2);
        await stream.WriteAsync(framed, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Stop();
        await Task.WhenAll(_udpLoop, _tcpLoop);
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Resolving {Name} failed")]
    private static partial void LogResolveFailed(ILogger logger, string name, Exception e);
}
