namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// core/v1: the top-level kinds kubectl create sends (Namespace, ConfigMap, Secret, Service, ServiceAccount, ResourceQuota, Pod) and their parts.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string CoreV1 = """
        syntax = "proto2";

        package k8s.io.api.core.v1;

        import "kubesharp/options.proto";

        message ClientIPConfig {
          optional int32 timeoutSeconds = 1;
        }

        message ConfigMap {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          map<string, string> data = 2;
          map<string, bytes> binaryData = 3;
          optional bool immutable = 4;
        }

        message LoadBalancerIngress {
          optional string ip = 1 [(kubesharp.omitempty) = true];
          optional string hostname = 2 [(kubesharp.omitempty) = true];
          optional string ipMode = 3;
          repeated PortStatus ports = 4;
        }

        message LoadBalancerStatus {
          repeated LoadBalancerIngress ingress = 1;
        }

        message Namespace {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional NamespaceSpec spec = 2;
          optional NamespaceStatus status = 3;
        }

        message NamespaceCondition {
          optional string type = 1;
          optional string status = 2;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time lastTransitionTime = 4;
          optional string reason = 5 [(kubesharp.omitempty) = true];
          optional string message = 6 [(kubesharp.omitempty) = true];
        }

        message NamespaceSpec {
          repeated string finalizers = 1;
        }

        message NamespaceStatus {
          optional string phase = 1 [(kubesharp.omitempty) = true];
          repeated NamespaceCondition conditions = 2;
        }

        message ObjectReference {
          optional string kind = 1 [(kubesharp.omitempty) = true];
          optional string namespace = 2 [(kubesharp.omitempty) = true];
          optional string name = 3 [(kubesharp.omitempty) = true];
          optional string uid = 4 [(kubesharp.omitempty) = true];
          optional string apiVersion = 5 [(kubesharp.omitempty) = true];
          optional string resourceVersion = 6 [(kubesharp.omitempty) = true];
          optional string fieldPath = 7 [(kubesharp.omitempty) = true];
        }

        message PortStatus {
          optional int32 port = 1;
          optional string protocol = 2;
          optional string error = 3;
        }

        message ResourceQuota {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional ResourceQuotaSpec spec = 2;
          optional ResourceQuotaStatus status = 3;
        }

        message ResourceQuotaSpec {
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> hard = 1;
          repeated string scopes = 2;
          optional ScopeSelector scopeSelector = 3;
        }

        message ResourceQuotaStatus {
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> hard = 1;
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> used = 2;
        }

        message ScopeSelector {
          repeated ScopedResourceSelectorRequirement matchExpressions = 1;
        }

        message ScopedResourceSelectorRequirement {
          optional string scopeName = 1;
          optional string operator = 2;
          repeated string values = 3;
        }

        message Secret {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          map<string, bytes> data = 2;
          optional string type = 3 [(kubesharp.omitempty) = true];
          map<string, string> stringData = 4;
          optional bool immutable = 5;
        }

        message Service {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional ServiceSpec spec = 2;
          optional ServiceStatus status = 3;
        }

        message ServiceAccount {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          repeated ObjectReference secrets = 2;
          repeated LocalObjectReference imagePullSecrets = 3;
          optional bool automountServiceAccountToken = 4;
        }

        message ServicePort {
          optional string name = 1 [(kubesharp.omitempty) = true];
          optional string protocol = 2 [(kubesharp.omitempty) = true];
          optional int32 port = 3;
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString targetPort = 4;
          optional int32 nodePort = 5 [(kubesharp.omitempty) = true];
          optional string appProtocol = 6;
        }

        message ServiceSpec {
          repeated ServicePort ports = 1;
          map<string, string> selector = 2;
          optional string clusterIP = 3 [(kubesharp.omitempty) = true];
          optional string type = 4 [(kubesharp.omitempty) = true];
          repeated string externalIPs = 5;
          optional string sessionAffinity = 7 [(kubesharp.omitempty) = true];
          optional string loadBalancerIP = 8 [(kubesharp.omitempty) = true];
          repeated string loadBalancerSourceRanges = 9;
          optional string externalName = 10 [(kubesharp.omitempty) = true];
          optional string externalTrafficPolicy = 11 [(kubesharp.omitempty) = true];
          optional int32 healthCheckNodePort = 12 [(kubesharp.omitempty) = true];
          optional bool publishNotReadyAddresses = 13 [(kubesharp.omitempty) = true];
          optional SessionAffinityConfig sessionAffinityConfig = 14;
          optional string ipFamilyPolicy = 17;
          repeated string clusterIPs = 18;
          repeated string ipFamilies = 19;
          optional bool allocateLoadBalancerNodePorts = 20;
          optional string loadBalancerClass = 21;
          optional string internalTrafficPolicy = 22;
          optional string trafficDistribution = 23;
        }

        message ServiceStatus {
          optional LoadBalancerStatus loadBalancer = 1;
          repeated .k8s.io.apimachinery.pkg.apis.meta.v1.Condition conditions = 2;
        }

        message SessionAffinityConfig {
          optional ClientIPConfig clientIP = 1;
        }
        """;
}
