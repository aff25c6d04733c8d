namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// networking.k8s.io/v1: Ingress (kubectl create ingress).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string NetworkingV1 = """
        syntax = "proto2";

        package k8s.io.api.networking.v1;

        import "kubesharp/options.proto";

        message HTTPIngressPath {
          optional string path = 1 [(kubesharp.omitempty) = true];
          optional IngressBackend backend = 2;
          optional string pathType = 3;
        }

        message HTTPIngressRuleValue {
          repeated HTTPIngressPath paths = 1;
        }

        message Ingress {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional IngressSpec spec = 2;
          optional IngressStatus status = 3;
        }

        message IngressBackend {
          optional .k8s.io.api.core.v1.TypedLocalObjectReference resource = 3;
          optional IngressServiceBackend service = 4;
        }

        message IngressLoadBalancerIngress {
          optional string ip = 1 [(kubesharp.omitempty) = true];
          optional string hostname = 2 [(kubesharp.omitempty) = true];
          repeated IngressPortStatus ports = 4;
        }

        message IngressLoadBalancerStatus {
          repeated IngressLoadBalancerIngress ingress = 1;
        }

        message IngressPortStatus {
          optional int32 port = 1;
          optional string protocol = 2;
          optional string error = 3;
        }

        message IngressRule {
          optional string host = 1 [(kubesharp.omitempty) = true];
          optional IngressRuleValue ingressRuleValue = 2 [(kubesharp.inline) = true];
        }

        message IngressRuleValue {
          optional HTTPIngressRuleValue http = 1;
        }

        message IngressServiceBackend {
          optional string name = 1;
          optional ServiceBackendPort port = 2;
        }

        message IngressSpec {
          optional IngressBackend defaultBackend = 1;
          repeated IngressTLS tls = 2;
          repeated IngressRule rules = 3;
          optional string ingressClassName = 4;
        }

        message IngressStatus {
          optional IngressLoadBalancerStatus loadBalancer = 1;
        }

        message IngressTLS {
          repeated string hosts = 1;
          optional string secretName = 2 [(kubesharp.omitempty) = true];
        }

        message ServiceBackendPort {
          optional string name = 1 [(kubesharp.omitempty) = true];
          optional int32 number = 2 [(kubesharp.omitempty) = true];
        }
        """;
}
