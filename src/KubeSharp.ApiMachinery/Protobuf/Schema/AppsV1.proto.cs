namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// apps/v1: Deployment (kubectl create deployment).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string AppsV1 = """
        syntax = "proto2";

        package k8s.io.api.apps.v1;

        import "kubesharp/options.proto";

        message Deployment {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional DeploymentSpec spec = 2;
          optional DeploymentStatus status = 3;
        }

        message DeploymentCondition {
          optional string type = 1;
          optional string status = 2;
          optional string reason = 4 [(kubesharp.omitempty) = true];
          optional string message = 5 [(kubesharp.omitempty) = true];
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time lastUpdateTime = 6;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time lastTransitionTime = 7;
        }

        message DeploymentSpec {
          optional int32 replicas = 1;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
          optional .k8s.io.api.core.v1.PodTemplateSpec template = 3;
          optional DeploymentStrategy strategy = 4;
          optional int32 minReadySeconds = 5 [(kubesharp.omitempty) = true];
          optional int32 revisionHistoryLimit = 6;
          optional bool paused = 7 [(kubesharp.omitempty) = true];
          optional int32 progressDeadlineSeconds = 9;
        }

        message DeploymentStatus {
          optional int64 observedGeneration = 1 [(kubesharp.omitempty) = true];
          optional int32 replicas = 2 [(kubesharp.omitempty) = true];
          optional int32 updatedReplicas = 3 [(kubesharp.omitempty) = true];
          optional int32 availableReplicas = 4 [(kubesharp.omitempty) = true];
          optional int32 unavailableReplicas = 5 [(kubesharp.omitempty) = true];
          repeated DeploymentCondition conditions = 6;
          optional int32 readyReplicas = 7 [(kubesharp.omitempty) = true];
          optional int32 collisionCount = 8;
          optional int32 terminatingReplicas = 9;
        }

        message DeploymentStrategy {
          optional string type = 1 [(kubesharp.omitempty) = true];
          optional RollingUpdateDeployment rollingUpdate = 2;
        }

        message RollingUpdateDeployment {
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 1;
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxSurge = 2;
        }
        """;
}
