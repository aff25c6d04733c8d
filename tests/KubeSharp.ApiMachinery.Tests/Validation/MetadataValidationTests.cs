using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Validation.Fixtures;
using static KubeSharp.ApiMachinery.Tests.Validation.ValidationCase;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class MetadataValidationTests
{
    private static readonly ValidationCase[] Cases =
    [
        Create("valid configmap", () => new V1ConfigMap { Metadata = Meta("cfg") }),
        Create("name or generateName required", () => new V1ConfigMap { Metadata = Meta("") },
            "metadata.name: Required value: name or generateName is required"),
        Create("name must be a DNS subdomain", () => new V1ConfigMap { Metadata = Meta("Foo") },
            $"metadata.name: Invalid value: \"Foo\": {SubdomainMsg}"),
        Create("generateName trailing dash allowed", () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cfg-abcde", GenerateName = "cfg-", NamespaceProperty = "default" } }),
        Create("generateName validated", () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cfgabcde", GenerateName = "CFG", NamespaceProperty = "default" } },
            $"metadata.generateName: Invalid value: \"CFG\": {SubdomainMsg}"),
        Create("namespace required for namespaced kinds", () => new V1ConfigMap { Metadata = Meta("cfg", null) },
            "metadata.namespace: Required value"),
        Create("namespace must be a DNS label", () => new V1ConfigMap { Metadata = Meta("cfg", "a.b") },
            "metadata.namespace: Invalid value: \"a.b\": must not contain dots"),
        Create("namespace forbidden for cluster-scoped kinds", () => new V1PriorityClass { Metadata = Meta("high", "default"), Value = 10, PreemptionPolicy = "PreemptLowerPriority" },
            "metadata.namespace: Forbidden: not allowed on this type"),
        Create("label key must be qualified", () => new V1ConfigMap { Metadata = Meta("cfg", labels: new Dictionary<string, string> { ["a/b/c"] = "x" }) },
            "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        Create("label value must be valid", () => new V1ConfigMap { Metadata = Meta("cfg", labels: new Dictionary<string, string> { ["app"] = "-x" }) },
            "metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        Create("annotations total size limited to 256KiB", () => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "default", Annotations = new Dictionary<string, string> { ["a"] = new string('x', 256 * 1024) } },
        }, "metadata.annotations: Too long: may not be more than 262144 bytes"),
        Create("annotation keys are checked case-insensitively", () => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "default", Annotations = new Dictionary<string, string> { ["Example.COM/Key"] = "v" } },
        }),
        Create("owner reference fields required", () => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "default", OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/", Kind = "", Name = "", Uid = "" }] },
        },
            "metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty",
            "metadata.ownerReferences.kind: Invalid value: \"\": kind must not be empty",
            "metadata.ownerReferences.name: Invalid value: \"\": name must not be empty",
            "metadata.ownerReferences.uid: Invalid value: \"\": uid must not be empty"),
        Create("finalizers must be qualified names", () => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "default", Finalizers = ["example.com/ok", "bad/x/y"] },
        }, "metadata.finalizers: Invalid value: \"bad/x/y\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        Create("only one controller owner", () => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "cfg", NamespaceProperty = "default",
                OwnerReferences =
                [
                    new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "a", Uid = "1", Controller = true },
                    new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "b", Uid = "2", Controller = true },
                ],
            },
        }, "metadata.ownerReferences: Invalid value: []v1.OwnerReference{...}: Only one reference can have Controller set to true. Found \"true\" in references for ReplicaSet/a and ReplicaSet/b"),
        Create("orphan and foregroundDeletion exclusive", () => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "default", Finalizers = ["orphan", "foregroundDeletion"] },
        }, "metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set"),
        Update("no new finalizers while deleting",
            () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) } },
            () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Finalizers = ["example.com/x"] } },
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"example.com/x\"}"),
        Update("generation may not decrease",
            () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", Generation = 3 } },
            () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", Generation = 2 } },
            "metadata.generation: Invalid value: 2: must not be decremented"),
        Update("name is immutable", () => new V1ConfigMap { Metadata = Meta("a") }, () => new V1ConfigMap { Metadata = Meta("b") },
            "metadata.name: Invalid value: \"b\": field is immutable"),
        Update("uid is immutable", () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", Uid = "1" } },
            () => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default", Uid = "2" } },
            "metadata.uid: Invalid value: \"2\": field is immutable"),
    ];

    public static TheoryData<string> Names => CaseRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name) => CaseRunner.Run(Cases, name);
}
