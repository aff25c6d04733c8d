namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// runtime: the Unknown envelope after the k8s\0 magic, and RawExtension.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string Runtime = """
        syntax = "proto2";

        package k8s.io.apimachinery.pkg.runtime;

        import "kubesharp/options.proto";

        message RawExtension {
          optional bytes raw = 1;
        }

        message TypeMeta {
          optional string apiVersion = 1 [(kubesharp.omitempty) = true];
          optional string kind = 2 [(kubesharp.omitempty) = true];
        }

        message Unknown {
          optional TypeMeta typeMeta = 1 [(kubesharp.inline) = true];
          optional bytes raw = 2;
          optional string contentEncoding = 3;
          optional string contentType = 4;
        }
        """;
}
