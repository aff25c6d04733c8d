namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// The two field options the schema files use. Kubernetes' own .proto files cannot say these things because the
// Go struct tags carry them; the JSON form of an object depends on them, so our schema spells them out.
internal static partial class ProtoFiles
{
    internal const string Options = """
        syntax = "proto2";

        package kubesharp;

        import "google/protobuf/descriptor.proto";

        extend google.protobuf.FieldOptions {
          // The Go field is a value (not a pointer) tagged omitempty. Go's protobuf encoder writes its zero value
          // anyway, Go's JSON encoder drops it, so the decoder drops a zero too. Fields without this option are
          // pointers or lack omitempty, and their zero value is kept (replicas: 0, automountServiceAccountToken: false).
          optional bool omitempty = 50001;

          // The Go field is an embedded struct (json ",inline"): its fields appear in the enclosing JSON object.
          optional bool inline = 50002;
        }
        """;

    // Every schema file; the parser ignores Options itself (it only declares the extensions above).
    internal static readonly string[] All =
    [
        MetaV1, Runtime, Resource, IntStr,
        CoreV1, CoreV1Pods, CoreV1Containers, CoreV1Volumes,
        AppsV1, BatchV1, SchedulingV1, AuthenticationV1, AuthorizationV1, RbacV1, NetworkingV1, PolicyV1,
    ];
}
