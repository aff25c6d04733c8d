using System.Text;
using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Validation.Fixtures;
using static KubeSharp.ApiMachinery.Tests.Validation.ValidationCase;

namespace KubeSharp.ApiMachinery.Tests.Validation;

/// <summary>Namespace, ConfigMap, Secret, Node, Endpoints, EndpointSlice rules.</summary>
public class ClusterObjectValidationTests
{
    private static V1Namespace Ns(string name) => Defaulted(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, null);

    private static V1Secret Secret(string type, Dictionary<string, byte[]>? data = null) =>
        Defaulted(new V1Secret { Metadata = Meta("s"), Type = type, Data = data }, null);

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly ValidationCase[] Cases =
    [
        Create("valid namespace", () => Ns("team-a")),
        Create("namespace name is a DNS label", () => Ns("team.a"), "metadata.name: Invalid value: \"team.a\": must not contain dots"),
        Create("namespace spec finalizer must be standard or qualified", () => Defaulted(Ns("team-a"), n => n.Spec.Finalizers = ["custom"]),
            "spec.finalizers: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified"),
        Create("valid configmap", () => new V1ConfigMap { Metadata = Meta("cfg"), Data = new Dictionary<string, string> { ["app.properties"] = "x=1" } }),
        Create("configmap key format", () => new V1ConfigMap { Metadata = Meta("cfg"), Data = new Dictionary<string, string> { ["a/b"] = "x" } },
            "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"),
        Create("configmap key not in both data and binaryData", () => new V1ConfigMap
        {
            Metadata = Meta("cfg"),
            Data = new Dictionary<string, string> { ["k"] = "x" },
            BinaryData = new Dictionary<string, byte[]> { ["k"] = B("y") },
        }, "binaryData[k]: Invalid value: \"k\": duplicate of key present in data"),
        Create("configmap at most 1MiB", () => new V1ConfigMap { Metadata = Meta("cfg"), Data = new Dictionary<string, string> { ["k"] = new string('x', 1024 * 1024 + 1) } },
            "[]: Too long: may not be more than 1048576 bytes"),
        Update("immutable configmap data cannot change",
            () => new V1ConfigMap { Metadata = Meta("cfg"), Immutable = true, Data = new Dictionary<string, string> { ["k"] = "1" } },
            () => new V1ConfigMap { Metadata = Meta("cfg"), Immutable = true, Data = new Dictionary<string, string> { ["k"] = "2" } },
            "data: Forbidden: field is immutable when `immutable` is set"),
        Update("immutable configmap cannot become mutable",
            () => new V1ConfigMap { Metadata = Meta("cfg"), Immutable = true },
            () => new V1ConfigMap { Metadata = Meta("cfg"), Immutable = false },
            "immutable: Forbidden: field is immutable when `immutable` is set"),
        Create("valid opaque secret", () => Secret("Opaque", new() { ["password"] = B("x") })),
        Create("tls secret needs cert and key", () => Secret("kubernetes.io/tls"),
            "data[tls.crt]: Required value", "data[tls.key]: Required value"),
        Create("tls secret via stringData", () => Defaulted(Secret("kubernetes.io/tls"), s => s.StringData = new Dictionary<string, string> { ["tls.crt"] = "c", ["tls.key"] = "k" })),
        Create("dockerconfigjson secret needs its key", () => Secret("kubernetes.io/dockerconfigjson"), "data[.dockerconfigjson]: Required value"),
        Create("dockerconfigjson must be JSON", () => Secret("kubernetes.io/dockerconfigjson", new() { [".dockerconfigjson"] = B("{}") })),
        Create("secret key format", () => Secret("Opaque", new() { ["bad key"] = B("x") }),
            "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"),
        Update("secret type immutable", () => Secret("Opaque"), () => Secret("kubernetes.io/basic-auth", new() { ["username"] = B("u") }),
            "type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable"),
        Update("immutable secret data cannot change", () => Defaulted(Secret("Opaque", new() { ["a"] = B("1") }), s => s.Immutable = true),
            () => Defaulted(Secret("Opaque", new() { ["a"] = B("2") }), s => s.Immutable = true),
            "data: Forbidden: field is immutable when `immutable` is set"),
        Create("valid node", () => new V1Node { Metadata = Meta("node-1", null), Spec = new V1NodeSpec { PodCIDR = "10.244.0.0/24" } }),
        Create("node podCIDR must be a CIDR", () => new V1Node { Metadata = Meta("node-1", null), Spec = new V1NodeSpec { PodCIDR = "10.244.0.0" } },
            "spec.podCIDRs[0]: Invalid value: []string{\"10.244.0.0\"}: must be a valid CIDR"),
        Create("node taint effect enum", () => new V1Node { Metadata = Meta("node-1", null), Spec = new V1NodeSpec { Taints = [new V1Taint { Key = "k", Effect = "Sometimes" }] } },
            "spec.taints[0].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""),
        Create("node taint effect required", () => new V1Node { Metadata = Meta("node-1", null), Spec = new V1NodeSpec { Taints = [new V1Taint { Key = "k" }] } },
            "spec.taints[0].effect: Required value"),
        Update("node podCIDR set once", () => new V1Node { Metadata = Meta("n", null), Spec = new V1NodeSpec { PodCIDR = "10.244.0.0/24" } },
            () => new V1Node { Metadata = Meta("n", null), Spec = new V1NodeSpec { PodCIDR = "10.244.1.0/24" } },
            "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid"),
        Create("valid endpoints", () => Defaulted(new V1Endpoints
        {
            Metadata = Meta("web"),
            Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = "10.1.2.3" }], Ports = [new Corev1EndpointPort { Port = 80 }] }],
        }, null)),
        Create("endpoints subset needs addresses", () => Defaulted(new V1Endpoints
        {
            Metadata = Meta("web"),
            Subsets = [new V1EndpointSubset { Ports = [new Corev1EndpointPort { Port = 80 }] }],
        }, null), "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`"),
        Create("endpoints address may not be loopback", () => Defaulted(new V1Endpoints
        {
            Metadata = Meta("web"),
            Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = "127.0.0.1" }] }],
        }, null), "subsets[0].addresses[0].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)"),
        Create("valid endpointslice", () => Defaulted(new V1EndpointSlice
        {
            Metadata = Meta("web-abc"), AddressType = "IPv4",
            Endpoints = [new V1Endpoint { Addresses = ["10.1.2.3"] }], Ports = [new Discoveryv1EndpointPort { Port = 80 }],
        }, null)),
        Create("endpointslice addressType enum", () => Defaulted(new V1EndpointSlice { Metadata = Meta("web-abc"), AddressType = "IPv5" }, null),
            "addressType: Unsupported value: \"IPv5\": supported values: \"FQDN\", \"IPv4\", \"IPv6\""),
        Create("endpointslice addresses match type", () => Defaulted(new V1EndpointSlice
        {
            Metadata = Meta("web-abc"), AddressType = "IPv4", Endpoints = [new V1Endpoint { Addresses = ["::1"] }],
        }, null), "endpoints[0].addresses[0]: Invalid value: \"::1\": must be a valid IPv4 address"),
        Update("endpointslice addressType immutable", () => new V1EndpointSlice { Metadata = Meta("e"), AddressType = "IPv4" },
            () => new V1EndpointSlice { Metadata = Meta("e"), AddressType = "IPv6" },
            "addressType: Invalid value: \"IPv6\": field is immutable"),
    ];

    public static TheoryData<string> Names => CaseRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name) => CaseRunner.Run(Cases, name);
}
