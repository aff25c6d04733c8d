namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// resource.Quantity: the canonical string form travels on the wire.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string Resource = """
        syntax = "proto2";

        package k8s.io.apimachinery.pkg.api.resource;

        message Quantity {
          optional string string = 1;
        }
        """;
}
