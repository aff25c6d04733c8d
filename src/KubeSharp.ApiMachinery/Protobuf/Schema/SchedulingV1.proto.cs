namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// scheduling.k8s.io/v1: PriorityClass (kubectl create priorityclass).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string SchedulingV1 = """
        syntax = "proto2";

        package k8s.io.api.scheduling.v1;

        import "kubesharp/options.proto";

        message PriorityClass {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional int32 value = 2;
          optional bool globalDefault = 3 [(kubesharp.omitempty) = true];
          optional string description = 4 [(kubesharp.omitempty) = true];
          optional string preemptionPolicy = 5;
        }
        """;
}
