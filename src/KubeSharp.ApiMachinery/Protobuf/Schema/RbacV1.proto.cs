namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// rbac.authorization.k8s.io/v1: Role, ClusterRole and their bindings (kubectl create role|clusterrole|rolebinding|clusterrolebinding).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string RbacV1 = """
        syntax = "proto2";

        package k8s.io.api.rbac.v1;

        import "kubesharp/options.proto";

        message AggregationRule {
          repeated .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector clusterRoleSelectors = 1;
        }

        message ClusterRole {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          repeated PolicyRule rules = 2;
          optional AggregationRule aggregationRule = 3;
        }

        message ClusterRoleBinding {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          repeated Subject subjects = 2;
          optional RoleRef roleRef = 3;
        }

        message PolicyRule {
          repeated string verbs = 1;
          repeated string apiGroups = 2;
          repeated string resources = 3;
          repeated string resourceNames = 4;
          repeated string nonResourceURLs = 5;
        }

        message Role {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          repeated PolicyRule rules = 2;
        }

        message RoleBinding {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          repeated Subject subjects = 2;
          optional RoleRef roleRef = 3;
        }

        message RoleRef {
          optional string apiGroup = 1;
          optional string kind = 2;
          optional string name = 3;
        }

        message Subject {
          optional string kind = 1;
          optional string apiGroup = 2 [(kubesharp.omitempty) = true];
          optional string name = 3;
          optional string namespace = 4 [(kubesharp.omitempty) = true];
        }
        """;
}
