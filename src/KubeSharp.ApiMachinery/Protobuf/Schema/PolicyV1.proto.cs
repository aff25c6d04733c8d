namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// policy/v1: PodDisruptionBudget (kubectl create poddisruptionbudget).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string PolicyV1 = """
        syntax = "proto2";

        package k8s.io.api.policy.v1;

        import "kubesharp/options.proto";

        message PodDisruptionBudget {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional PodDisruptionBudgetSpec spec = 2;
          optional PodDisruptionBudgetStatus status = 3;
        }

        message PodDisruptionBudgetSpec {
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString minAvailable = 1;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 3;
          optional string unhealthyPodEvictionPolicy = 4;
        }

        message PodDisruptionBudgetStatus {
          optional int64 observedGeneration = 1 [(kubesharp.omitempty) = true];
          map<string, .k8s.io.apimachinery.pkg.apis.meta.v1.Time> disruptedPods = 2;
          optional int32 disruptionsAllowed = 3;
          optional int32 currentHealthy = 4;
          optional int32 desiredHealthy = 5;
          optional int32 expectedPods = 6;
          repeated .k8s.io.apimachinery.pkg.apis.meta.v1.Condition conditions = 7;
        }
        """;
}
