using System.Security.Cryptography;
using System.Text;

namespace KubeSharp.ApiMachinery.Streaming;

/// <summary>RFC 6455 handshake arithmetic, for endpoints that complete a WebSocket upgrade by hand.</summary>
public static class WebSocketHandshake
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static string AcceptKey(string clientKey) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(clientKey.Trim() + Guid)));

    /// <summary>The subprotocols a client offered, from one or more comma-separated Sec-WebSocket-Protocol headers.</summary>
    public static IReadOnlyList<string> OfferedProtocols(IEnumerable<string?> headerValues) =>
        headerValues.Where(v => v != null).SelectMany(v => v!.Split(',')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
}
