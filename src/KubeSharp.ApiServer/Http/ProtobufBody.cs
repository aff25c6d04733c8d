using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiServer.Http;

/// <summary>kubectl 1.32 sends protobuf bodies for its create generators and auth can-i (kubectl-wire §1.2);
/// they are decoded to the same JSON tree a JSON body would give, so everything after this is shared.</summary>
public static class ProtobufBody
{
    public static JsonNode Decode(byte[] body) =>
        KubeProtobuf.TryDecode(body, out var obj, out var error) ? obj : throw Errors.BadRequest(error);
}
