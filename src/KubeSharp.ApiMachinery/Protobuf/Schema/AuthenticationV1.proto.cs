namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// authentication.k8s.io/v1: TokenRequest (kubectl create token) and TokenReview.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string AuthenticationV1 = """
        syntax = "proto2";

        package k8s.io.api.authentication.v1;

        import "kubesharp/options.proto";

        message BoundObjectReference {
          optional string kind = 1 [(kubesharp.omitempty) = true];
          optional string apiVersion = 2 [(kubesharp.omitempty) = true];
          optional string name = 3 [(kubesharp.omitempty) = true];
          optional string uID = 4 [json_name = "uid", (kubesharp.omitempty) = true];
        }

        message ExtraValue {
          repeated string items = 1;
        }

        message TokenRequest {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional TokenRequestSpec spec = 2;
          optional TokenRequestStatus status = 3;
        }

        message TokenRequestSpec {
          repeated string audiences = 1;
          optional BoundObjectReference boundObjectRef = 3;
          optional int64 expirationSeconds = 4;
        }

        message TokenRequestStatus {
          optional string token = 1;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time expirationTimestamp = 2;
        }

        message TokenReview {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional TokenReviewSpec spec = 2;
          optional TokenReviewStatus status = 3;
        }

        message TokenReviewSpec {
          optional string token = 1 [(kubesharp.omitempty) = true];
          repeated string audiences = 2;
        }

        message TokenReviewStatus {
          optional bool authenticated = 1 [(kubesharp.omitempty) = true];
          optional UserInfo user = 2;
          optional string error = 3 [(kubesharp.omitempty) = true];
          repeated string audiences = 4;
        }

        message UserInfo {
          optional string username = 1 [(kubesharp.omitempty) = true];
          optional string uid = 2 [(kubesharp.omitempty) = true];
          repeated string groups = 3;
          map<string, ExtraValue> extra = 4;
        }
        """;
}
