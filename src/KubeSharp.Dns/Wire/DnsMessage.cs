using System.Buffers.Binary;
using System.Text;

namespace KubeSharp.Dns.Wire;

/// <summary>Record types the server answers (RFC 1035, RFC 2782, RFC 3596).</summary>
public enum DnsType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    ANY = 255,
}

/// <summary>Response codes.</summary>
public enum DnsRcode : byte
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
}

public sealed record DnsQuestion(string Name, DnsType Type, ushort Class);

/// <summary>One answer record; <see cref="Data"/> is already in wire form except for names, encoded at write time.</summary>
public sealed record DnsRecord(string Name, DnsType Type, uint Ttl, byte[] Data, string? TargetName = null, ushort Priority = 0, ushort Weight = 0, ushort Port = 0,
    string? SecondName = null, uint[]? Numbers = null)
{
    /// <summary>The zone's SOA, sent in the authority section of negative answers so resolvers cache them briefly.</summary>
    public static DnsRecord Soa(string zone, uint ttl) =>
        new(zone, DnsType.SOA, ttl, [], "ns.dns." + zone, SecondName: "hostmaster." + zone, Numbers: [1, 7200, 1800, 86400, ttl]);

    public static DnsRecord A(string name, System.Net.IPAddress ip, uint ttl) => new(name, DnsType.A, ttl, ip.GetAddressBytes());
    public static DnsRecord Cname(string name, string target, uint ttl) => new(name, DnsType.CNAME, ttl, [], target);
    public static DnsRecord Ptr(string name, string target, uint ttl) => new(name, DnsType.PTR, ttl, [], target);
    public static DnsRecord Srv(string name, ushort priority, ushort weight, ushort port, string target, uint ttl) =>
        new(name, DnsType.SRV, ttl, [], target, priority, weight, port);
}

/// <summary>
/// A DNS query as the server reads it (header, first question, the client's EDNS buffer size), and the writer of
/// answers. Only what a cluster DNS needs; anything else is forwarded as raw bytes without being parsed.
/// </summary>
public sealed class DnsQuery
{
    public required ushort Id { get; init; }
    public required ushort Flags { get; init; }
    public required DnsQuestion Question { get; init; }
    /// <summary>Largest UDP answer the client accepts (512 without EDNS).</summary>
    public int MaxUdpSize { get; init; } = 512;
    public bool RecursionDesired => (Flags & 0x0100) != 0;

    /// <summary>Parses a query; null when it is not a single-question standard query we can answer.</summary>
    public static DnsQuery? Parse(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12) return null;
        var id = BinaryPrimitives.ReadUInt16BigEndian(packet);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var qd = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        var ar = BinaryPrimitives.ReadUInt16BigEndian(packet[10..]);
        if ((flags & 0x8000) != 0 || ((flags >> 11) & 0xF) != 0 || qd != 1) return null;
        var offset = 12;
        var name = ReadName(packet, ref offset);
        if (name == null || offset + 4 > packet.Length) return null;
        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
        var cls = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
        offset += 4;
        var maxUdp = 512;
        // The OPT pseudo-record (EDNS0) in the additional section carries the client's UDP payload size.
        if (ar > 0 && offset + 11 <= packet.Length && packet[offset] == 0 && BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 1)..]) == 41)
        {
            maxUdp = Math.Clamp((int)BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 3)..]), 512, 4096);
        }
        return new DnsQuery { Id = id, Flags = flags, Question = new DnsQuestion(name, type, cls), MaxUdpSize = maxUdp };
    }

    private static string? ReadName(ReadOnlySpan<byte> packet, ref int offset)
    {
        var sb = new StringBuilder();
        var jumped = false;
        var position = offset;
        for (var hops = 0; hops < 64; hops++)
        {
            if (position >= packet.Length) return null;
            var len = packet[position];
            if (len == 0)
            {
                if (!jumped) offset = position + 1;
                return sb.Length == 0 ? "." : sb.ToString().ToLowerInvariant();
            }
            if ((len & 0xC0) == 0xC0)
            {
                if (position + 1 >= packet.Length) return null;
                if (!jumped) offset = position + 2;
                jumped = true;
                position = ((len & 0x3F) << 8) | packet[position + 1];
                continue;
            }
            if (len > 63 || position + 1 + len > packet.Length) return null;
            sb.Append(Encoding.ASCII.GetString(packet.Slice(position + 1, len))).Append('.');
            position += 1 + len;
        }
        return null;
    }

    /// <summary>
    /// The answer packet. Answers that do not fit <paramref name="maxSize"/> are dropped and the TC bit set, so
    /// the client retries over TCP (RFC 1035 §4.2.1).
    /// </summary>
    public byte[] Answer(DnsRcode rcode, IReadOnlyList<DnsRecord> answers, bool authoritative, int maxSize, IReadOnlyList<DnsRecord>? authority = null)
    {
        var writer = new DnsWriter();
        var truncated = false;
        var bytes = Write(writer, rcode, answers, authority ?? [], authoritative, truncated);
        if (bytes.Length > maxSize)
        {
            bytes = Write(new DnsWriter(), rcode, [], [], authoritative, truncated: true);
        }
        return bytes;
    }

    private byte[] Write(DnsWriter w, DnsRcode rcode, IReadOnlyList<DnsRecord> answers, IReadOnlyList<DnsRecord> authority, bool authoritative, bool truncated)
    {
        // QR=1, opcode 0, AA, TC, RD copied, RA=1.
        var flags = (ushort)(0x8000 | (authoritative ? 0x0400 : 0) | (truncated ? 0x0200 : 0) | (Flags & 0x0100) | 0x0080 | (byte)rcode);
        w.U16(Id);
        w.U16(flags);
        w.U16(1);
        w.U16((ushort)answers.Count);
        w.U16((ushort)authority.Count);
        w.U16(0);
        w.Name(Question.Name);
        w.U16((ushort)Question.Type);
        w.U16(Question.Class);
        foreach (var r in answers.Concat(authority)) w.Record(r);
        return w.ToArray();
    }
}

/// <summary>Big-endian DNS writer with name compression.</summary>
internal sealed class DnsWriter
{
    private readonly MemoryStream _out = new();
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    public void U16(ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, v);
        _out.Write(b);
    }

    public void U32(uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        _out.Write(b);
    }

    public void Name(string name, bool compress = true)
    {
        var n = name.TrimEnd('.').ToLowerInvariant();
        while (n.Length > 0)
        {
            if (compress && _names.TryGetValue(n, out var pointer))
            {
                U16((ushort)(0xC000 | pointer));
                return;
            }
            if (_out.Position < 0x3FFF) _names[n] = (int)_out.Position;
            var dot = n.IndexOf('.');
            var label = dot < 0 ? n : n[..dot];
            var bytes = Encoding.ASCII.GetBytes(label);
            _out.WriteByte((byte)Math.Min(bytes.Length, 63));
            _out.Write(bytes, 0, Math.Min(bytes.Length, 63));
            n = dot < 0 ? "" : n[(dot + 1)..];
        }
        _out.WriteByte(0);
    }

    public void Record(DnsRecord r)
    {
        Name(r.Name);
        U16((ushort)r.Type);
        U16(1); // IN
        U32(r.Ttl);
        var lengthAt = _out.Position;
        U16(0);
        var start = _out.Position;
        switch (r.Type)
        {
            case DnsType.CNAME or DnsType.PTR or DnsType.NS:
                Name(r.TargetName!);
                break;
            case DnsType.SRV:
                U16(r.Priority);
                U16(r.Weight);
                U16(r.Port);
                // RFC 2782: the target is never compressed.
                Name(r.TargetName!, compress: false);
                break;
            case DnsType.SOA:
                Name(r.TargetName!);
                Name(r.SecondName!);
                foreach (var n in r.Numbers!) U32(n);
                break;
            default:
                _out.Write(r.Data);
                break;
        }
        var end = _out.Position;
        _out.Position = lengthAt;
        U16((ushort)(end - start));
        _out.Position = end;
    }

    public byte[] ToArray() => _out.ToArray();
}
