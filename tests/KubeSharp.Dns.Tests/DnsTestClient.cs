using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KubeSharp.Dns.Tests;

/// <summary>A minimal stub resolver for the tests: builds a query, sends it over UDP or TCP, decodes the answer.</summary>
public static class DnsTestClient
{
    public sealed record Answer(int Rcode, bool Truncated, bool Authoritative, List<(string Name, int Type, string Data)> Records, int AuthorityCount);

    public static byte[] Query(string name, int type, ushort id = 0x1234)
    {
        var ms = new MemoryStream();
        void U16(int v) { ms.WriteByte((byte)(v >> 8)); ms.WriteByte((byte)v); }
        U16(id); U16(0x0100); U16(1); U16(0); U16(0); U16(0);
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            ms.WriteByte((byte)label.Length);
            ms.Write(Encoding.ASCII.GetBytes(label));
        }
        ms.WriteByte(0);
        U16(type); U16(1);
        return ms.ToArray();
    }

    public static async Task<Answer> UdpAsync(int port, string name, int type)
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await udp.SendAsync(Query(name, type), new IPEndPoint(IPAddress.Loopback, port), cts.Token);
        var result = await udp.ReceiveAsync(cts.Token);
        return Decode(result.Buffer);
    }

    public static async Task<Answer> TcpAsync(int port, string name, int type)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var q = Query(name, type);
        var framed = new byte[q.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)q.Length);
        q.CopyTo(framed, 2);
        await stream.WriteAsync(framed);
        var header = new byte[2];
        await stream.ReadExactlyAsync(header);
        var packet = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await stream.ReadExactlyAsync(packet);
        return Decode(packet);
    }

    public static Answer Decode(byte[] p)
    {
        var flags = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(2));
        var qd = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(4));
        var an = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(6));
        var ns = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(8));
        var offset = 12;
        for (var i = 0; i < qd; i++)
        {
            ReadName(p, ref offset);
            offset += 4;
        }
        var records = new List<(string, int, string)>();
        for (var i = 0; i < an; i++)
        {
            var name = ReadName(p, ref offset);
            var type = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(offset));
            var length = BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(offset + 8));
            var dataAt = offset + 10;
            string data = type switch
            {
                1 => new IPAddress(p.AsSpan(dataAt, 4)).ToString(),
                5 or 12 => ReadNameAt(p, dataAt),
                33 => $"{BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(dataAt))} {BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(dataAt + 2))} {BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(dataAt + 4))} {ReadNameAt(p, dataAt + 6)}",
                _ => Convert.ToHexString(p.AsSpan(dataAt, length)),
            };
            records.Add((name, type, data));
            offset = dataAt + length;
        }
        return new Answer(flags & 0xF, (flags & 0x0200) != 0, (flags & 0x0400) != 0, records, ns);
    }

    private static string ReadNameAt(byte[] p, int offset) => ReadName(p, ref offset);

    private static string ReadName(byte[] p, ref int offset)
    {
        var sb = new StringBuilder();
        var pos = offset;
        var jumped = false;
        while (true)
        {
            var len = p[pos];
            if (len == 0)
            {
                if (!jumped) offset = pos + 1;
                return sb.ToString();
            }
            if ((len & 0xC0) == 0xC0)
            {
                if (!jumped) offset = pos + 2;
                jumped = true;
                pos = ((len & 0x3F) << 8) | p[pos + 1];
                continue;
            }
            sb.Append(Encoding.ASCII.GetString(p, pos + 1, len)).Append('.');
            pos += len + 1;
        }
    }
}
