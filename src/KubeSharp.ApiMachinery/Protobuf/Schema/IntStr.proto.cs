namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// intstr.IntOrString: type 0 = int, 1 = string.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string IntStr = """
        syntax = "proto2";

        package k8s.io.apimachinery.pkg.util.intstr;

        message IntOrString {
          optional int64 type = 1;
          optional int32 intVal = 2;
          optional string strVal = 3;
        }
        """;
}
