using System.Text.Json.Nodes;

namespace KubeSharp.ApiServer.Http;

// Placeholder until the protobuf branch lands.
public static class ProtobufBody
{
    public static JsonNode Decode(byte[] body) => throw Errors.UnsupportedMediaType(BodyDecoder.Protobuf);
}
