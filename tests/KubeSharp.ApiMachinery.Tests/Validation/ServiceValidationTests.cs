using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Validation.Fixtures;
using static KubeSharp.ApiMachinery.Tests.Validation.ValidationCase;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class ServiceValidationTests
{
    private static readonly ValidationCase[] Cases =
    [
        Create("valid service", () => Service()),
        Create("service name is a DNS-1035 label", () => Service(s => s.Metadata.Name = "1web"), $"metadata.name: Invalid value: \"1web\": {Dns1035Msg}"),
        Create("ports required", () => Service(s => s.Spec.Ports = []), "spec.ports: Required value"),
        Create("headless service needs no ports", () => Service(s => { s.Spec.Ports = []; s.Spec.ClusterIP = "None"; })),
        Create("port range", () => Service(s => s.Spec.Ports[0].Port = 0),
            "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"),
        Create("port names required with several ports", () => Service(s => s.Spec.Ports.Add(new V1ServicePort { Port = 443, Protocol = "TCP", TargetPort = 443 })),
            "spec.ports[0].name: Required value", "spec.ports[1].name: Required value"),
        Create("port names unique", () => Service(s =>
        {
            s.Spec.Ports[0].Name = "http";
            s.Spec.Ports.Add(new V1ServicePort { Name = "http", Port = 443, Protocol = "TCP", TargetPort = 443 });
        }), "spec.ports[1].name: Duplicate value: \"http\""),
        Create("port protocol enum", () => Service(s => s.Spec.Ports[0].Protocol = "ICMP"),
            "spec.ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
        Create("targetPort name checked", () => Service(s => s.Spec.Ports[0].TargetPort = "HTTP"),
            "spec.ports[0].targetPort: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "spec.ports[0].targetPort: Invalid value: \"HTTP\": must contain at least one letter (a-z)"),
        Create("type enum", () => Service(s => s.Spec.Type = "Internal"),
            "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""),
        Create("sessionAffinity enum", () => Service(s => s.Spec.SessionAffinity = "Cookie"),
            "spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\", \"None\""),
        Create("selector labels valid", () => Service(s => s.Spec.Selector["app"] = "-bad"),
            "spec.selector: Invalid value: \"-bad\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        Create("externalName required", () => new V1Service { Metadata = Meta("ext"), Spec = new V1ServiceSpec { Type = "ExternalName", SessionAffinity = "None" } },
            "spec.externalName: Required value"),
        Create("externalName trailing dot allowed", () => new V1Service { Metadata = Meta("ext"), Spec = new V1ServiceSpec { Type = "ExternalName", SessionAffinity = "None", ExternalName = "db.example.com." } }),
        Create("nodePort forbidden for ClusterIP", () => Service(s => s.Spec.Ports[0].NodePort = 30080),
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
        Create("NodePort may not be headless", () => Service(s => { s.Spec.Type = "NodePort"; s.Spec.ClusterIP = "None"; s.Spec.ExternalTrafficPolicy = "Cluster"; }),
            "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"),
        Create("externalTrafficPolicy only for external services", () => Service(s => s.Spec.ExternalTrafficPolicy = "Local"),
            "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services"),
        Create("external IPs allow externalTrafficPolicy", () => Service(s => { s.Spec.ExternalIPs = ["192.0.2.7"]; s.Spec.ExternalTrafficPolicy = "Local"; })),
        Create("externalTrafficPolicy required for NodePort", () => Service(s => s.Spec.Type = "NodePort"), "spec.externalTrafficPolicy: Required value"),
        Create("named targetPort", () => Service(s => s.Spec.Ports[0].TargetPort = "http-alt")),
        Create("port and protocol unique", () => Service(s =>
        {
            s.Spec.Ports[0].Name = "a";
            s.Spec.Ports.Add(new V1ServicePort { Name = "b", Port = 80, Protocol = "TCP", TargetPort = 81 });
        }), "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"),
        Create("same port over TCP and UDP", () => Service(s =>
        {
            s.Spec.Ports[0].Name = "dns-tcp";
            s.Spec.Ports.Add(new V1ServicePort { Name = "dns-udp", Port = 80, Protocol = "UDP", TargetPort = 80 });
        })),
        Create("ClientIP timeout range", () => Service(s =>
        {
            s.Spec.SessionAffinity = "ClientIP";
            s.Spec.SessionAffinityConfig = new V1SessionAffinityConfig { ClientIP = new V1ClientIPConfig { TimeoutSeconds = 86401 } };
        }), "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be between 1 and 86400, inclusive"),
        Create("healthCheckNodePort only for LoadBalancer with Local traffic", () => Service(s => s.Spec.HealthCheckNodePort = 30100),
            "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"),
        Create("healthCheckNodePort required for LoadBalancer with Local traffic", () => Service(s =>
        {
            s.Spec.Type = "LoadBalancer";
            s.Spec.ExternalTrafficPolicy = "Local";
            s.Spec.AllocateLoadBalancerNodePorts = true;
        }), "spec.healthCheckNodePort: Required value"),
        Create("LoadBalancer fields forbidden elsewhere", () => Service(s =>
        {
            s.Spec.AllocateLoadBalancerNodePorts = true;
            s.Spec.LoadBalancerClass = "example.com/lb";
            s.Spec.LoadBalancerSourceRanges = ["10.0.0.0/8"];
        }),
            "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
            "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
            "spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"),
        Create("loadBalancerSourceRanges are CIDRs", () => Service(s =>
        {
            s.Spec.Type = "LoadBalancer";
            s.Spec.ExternalTrafficPolicy = "Cluster";
            s.Spec.AllocateLoadBalancerNodePorts = true;
            s.Spec.LoadBalancerSourceRanges = [" 10.0.0.0/8", "10.0.0.1"];
        }), "spec.loadBalancerSourceRanges[1]: Invalid value: \"10.0.0.1\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"),
        Update("clusterIP immutable", () => Service(s => s.Spec.ClusterIP = "10.0.0.10"), () => Service(s => s.Spec.ClusterIP = "10.0.0.11"),
            "spec.clusterIPs[0]: Invalid value: []string{\"10.0.0.11\"}: may not change once set"),
        Update("clusterIP may go away with ExternalName", () => Service(s => s.Spec.ClusterIP = "10.0.0.10"),
            () => new V1Service { Metadata = Meta("web"), Spec = new V1ServiceSpec { Type = "ExternalName", SessionAffinity = "None", ExternalName = "db.example.com" } }),
    ];

    public static TheoryData<string> Names => CaseRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name) => CaseRunner.Run(Cases, name);
}
