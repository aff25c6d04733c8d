namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// authorization.k8s.io/v1: the access reviews (kubectl auth can-i).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string AuthorizationV1 = """
        syntax = "proto2";

        package k8s.io.api.authorization.v1;

        import "kubesharp/options.proto";

        message ExtraValue {
          repeated string items = 1;
        }

        message FieldSelectorAttributes {
          optional string rawSelector = 1 [(kubesharp.omitempty) = true];
          repeated .k8s.io.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement requirements = 2;
        }

        message LabelSelectorAttributes {
          optional string rawSelector = 1 [(kubesharp.omitempty) = true];
          repeated .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement requirements = 2;
        }

        message LocalSubjectAccessReview {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional SubjectAccessReviewSpec spec = 2;
          optional SubjectAccessReviewStatus status = 3;
        }

        message NonResourceAttributes {
          optional string path = 1 [(kubesharp.omitempty) = true];
          optional string verb = 2 [(kubesharp.omitempty) = true];
        }

        message NonResourceRule {
          repeated string verbs = 1;
          repeated string nonResourceURLs = 2;
        }

        message ResourceAttributes {
          optional string namespace = 1 [(kubesharp.omitempty) = true];
          optional string verb = 2 [(kubesharp.omitempty) = true];
          optional string group = 3 [(kubesharp.omitempty) = true];
          optional string version = 4 [(kubesharp.omitempty) = true];
          optional string resource = 5 [(kubesharp.omitempty) = true];
          optional string subresource = 6 [(kubesharp.omitempty) = true];
          optional string name = 7 [(kubesharp.omitempty) = true];
          optional FieldSelectorAttributes fieldSelector = 8;
          optional LabelSelectorAttributes labelSelector = 9;
        }

        message ResourceRule {
          repeated string verbs = 1;
          repeated string apiGroups = 2;
          repeated string resources = 3;
          repeated string resourceNames = 4;
        }

        message SelfSubjectAccessReview {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional SelfSubjectAccessReviewSpec spec = 2;
          optional SubjectAccessReviewStatus status = 3;
        }

        message SelfSubjectAccessReviewSpec {
          optional ResourceAttributes resourceAttributes = 1;
          optional NonResourceAttributes nonResourceAttributes = 2;
        }

        message SelfSubjectRulesReview {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional SelfSubjectRulesReviewSpec spec = 2;
          optional SubjectRulesReviewStatus status = 3;
        }

        message SelfSubjectRulesReviewSpec {
          optional string namespace = 1 [(kubesharp.omitempty) = true];
        }

        message SubjectAccessReview {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional SubjectAccessReviewSpec spec = 2;
          optional SubjectAccessReviewStatus status = 3;
        }

        message SubjectAccessReviewSpec {
          optional ResourceAttributes resourceAttributes = 1;
          optional NonResourceAttributes nonResourceAttributes = 2;
          optional string user = 3 [(kubesharp.omitempty) = true];
          repeated string groups = 4;
          map<string, ExtraValue> extra = 5;
          optional string uid = 6 [(kubesharp.omitempty) = true];
        }

        message SubjectAccessReviewStatus {
          optional bool allowed = 1;
          optional string reason = 2 [(kubesharp.omitempty) = true];
          optional string evaluationError = 3 [(kubesharp.omitempty) = true];
          optional bool denied = 4 [(kubesharp.omitempty) = true];
        }

        message SubjectRulesReviewStatus {
          repeated ResourceRule resourceRules = 1;
          repeated NonResourceRule nonResourceRules = 2;
          optional bool incomplete = 3;
          optional string evaluationError = 4 [(kubesharp.omitempty) = true];
        }
        """;
}
