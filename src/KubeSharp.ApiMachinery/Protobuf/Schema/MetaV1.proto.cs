namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// meta/v1: ObjectMeta and the small types every kind shares; Time/MicroTime/Duration/FieldsV1 are decoded by WellKnownMessages.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string MetaV1 = """
        syntax = "proto2";

        package k8s.io.apimachinery.pkg.apis.meta.v1;

        import "kubesharp/options.proto";

        message Condition {
          optional string type = 1;
          optional string status = 2;
          optional int64 observedGeneration = 3 [(kubesharp.omitempty) = true];
          optional Time lastTransitionTime = 4;
          optional string reason = 5;
          optional string message = 6;
        }

        message Duration {
          optional int64 duration = 1;
        }

        message FieldSelectorRequirement {
          optional string key = 1;
          optional string operator = 2;
          repeated string values = 3;
        }

        message FieldsV1 {
          optional bytes Raw = 1;
        }

        message LabelSelector {
          map<string, string> matchLabels = 1;
          repeated LabelSelectorRequirement matchExpressions = 2;
        }

        message LabelSelectorRequirement {
          optional string key = 1;
          optional string operator = 2;
          repeated string values = 3;
        }

        message ManagedFieldsEntry {
          optional string manager = 1 [(kubesharp.omitempty) = true];
          optional string operation = 2 [(kubesharp.omitempty) = true];
          optional string apiVersion = 3 [(kubesharp.omitempty) = true];
          optional Time time = 4;
          optional string fieldsType = 6 [(kubesharp.omitempty) = true];
          optional FieldsV1 fieldsV1 = 7;
          optional string subresource = 8 [(kubesharp.omitempty) = true];
        }

        message MicroTime {
          optional int64 seconds = 1;
          optional int32 nanos = 2;
        }

        message ObjectMeta {
          optional string name = 1 [(kubesharp.omitempty) = true];
          optional string generateName = 2 [(kubesharp.omitempty) = true];
          optional string namespace = 3 [(kubesharp.omitempty) = true];
          optional string selfLink = 4 [(kubesharp.omitempty) = true];
          optional string uid = 5 [(kubesharp.omitempty) = true];
          optional string resourceVersion = 6 [(kubesharp.omitempty) = true];
          optional int64 generation = 7 [(kubesharp.omitempty) = true];
          optional Time creationTimestamp = 8;
          optional Time deletionTimestamp = 9;
          optional int64 deletionGracePeriodSeconds = 10;
          map<string, string> labels = 11;
          map<string, string> annotations = 12;
          repeated OwnerReference ownerReferences = 13;
          repeated string finalizers = 14;
          repeated ManagedFieldsEntry managedFields = 17;
        }

        message OwnerReference {
          optional string kind = 1;
          optional string name = 3;
          optional string uid = 4;
          optional string apiVersion = 5;
          optional bool controller = 6;
          optional bool blockOwnerDeletion = 7;
        }

        message Time {
          optional int64 seconds = 1;
          optional int32 nanos = 2;
        }
        """;
}
