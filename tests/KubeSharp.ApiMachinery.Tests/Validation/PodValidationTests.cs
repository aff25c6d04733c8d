using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Validation.Fixtures;
using static KubeSharp.ApiMachinery.Tests.Validation.ValidationCase;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class PodValidationTests
{
    private static V1Container Ctr(V1Pod p, int i = 0) => p.Spec.Containers[i];

    private static readonly ValidationCase[] Cases =
    [
        Create("valid pod", () => Pod()),
        Create("pod name must be a DNS subdomain", () => Pod(p => p.Metadata.Name = "Web"), $"metadata.name: Invalid value: \"Web\": {SubdomainMsg}"),
        Create("containers required", () => Pod(p => p.Spec.Containers = []), "spec.containers: Required value"),
        Create("container name required", () => Pod(p => Ctr(p).Name = ""), "spec.containers[0].name: Required value"),
        Create("container name is a DNS label", () => Pod(p => Ctr(p).Name = "App_1"), $"spec.containers[0].name: Invalid value: \"App_1\": {LabelMsg}"),
        Create("container names unique", () => Pod(p => p.Spec.Containers.Add(new V1Container { Name = "app", Image = "busybox", ImagePullPolicy = "Always", TerminationMessagePolicy = "File" })),
            "spec.containers[1].name: Duplicate value: \"app\""),
        Create("init and app container names unique", () => Pod(p => p.Spec.InitContainers = [new V1Container { Name = "app", Image = "busybox", ImagePullPolicy = "Always", TerminationMessagePolicy = "File" }]),
            "spec.initContainers[0].name: Duplicate value: \"app\""),
        Create("image required", () => Pod(p => Ctr(p).Image = null), "spec.containers[0].image: Required value"),
        Create("container port range", () => Pod(p => Ctr(p).Ports = [new V1ContainerPort { ContainerPort = 70000, Protocol = "TCP" }]),
            "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"),
        Create("container port required", () => Pod(p => Ctr(p).Ports = [new V1ContainerPort { Protocol = "TCP" }]),
            "spec.containers[0].ports[0].containerPort: Required value"),
        Create("port protocol enum", () => Pod(p => Ctr(p).Ports = [new V1ContainerPort { ContainerPort = 80, Protocol = "HTTP" }]),
            "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
        Create("port name is IANA_SVC_NAME", () => Pod(p => Ctr(p).Ports = [new V1ContainerPort { Name = "a-very-long-port-name", ContainerPort = 80, Protocol = "TCP" }]),
            "spec.containers[0].ports[0].name: Invalid value: \"a-very-long-port-name\": must be no more than 15 characters"),
        Create("port names unique", () => Pod(p => Ctr(p).Ports = [new V1ContainerPort { Name = "http", ContainerPort = 80, Protocol = "TCP" }, new V1ContainerPort { Name = "http", ContainerPort = 81, Protocol = "TCP" }]),
            "spec.containers[0].ports[1].name: Duplicate value: \"http\""),
        Create("restartPolicy enum", () => Pod(p => p.Spec.RestartPolicy = "Sometimes"),
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""),
        Create("dnsPolicy enum", () => Pod(p => p.Spec.DnsPolicy = "Google"),
            "spec.dnsPolicy: Unsupported value: \"Google\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""),
        Create("imagePullPolicy enum", () => Pod(p => Ctr(p).ImagePullPolicy = "Sometimes"),
            "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""),
        Create("volume names unique", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "v", EmptyDir = new() }, new V1Volume { Name = "v", EmptyDir = new() }]),
            "spec.volumes[1].name: Duplicate value: \"v\""),
        Create("volume name is a DNS label", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "V", EmptyDir = new() }]),
            $"spec.volumes[0].name: Invalid value: \"V\": {LabelMsg}"),
        Create("volume has exactly one source", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "v", EmptyDir = new(), HostPath = new V1HostPathVolumeSource { Path = "/x", Type = "" } }]),
            "spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type"),
        Create("volumeMount must reference a volume", () => Pod(p => Ctr(p).VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/data" }]),
            "spec.containers[0].volumeMounts[0].name: Not found: \"data\""),
        Create("volumeMount paths unique", () => Pod(p =>
        {
            p.Spec.Volumes = [new V1Volume { Name = "data", EmptyDir = new() }];
            Ctr(p).VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/d" }, new V1VolumeMount { Name = "data", MountPath = "/d" }];
        }), "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/d\": must be unique"),
        Create("env var name may not contain '='", () => Pod(p => Ctr(p).Env = [new V1EnvVar { Name = "A=B", Value = "1" }]),
            "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"),
        Create("env var name required", () => Pod(p => Ctr(p).Env = [new V1EnvVar { Name = "", Value = "1" }]),
            "spec.containers[0].env[0].name: Required value",
            "spec.containers[0].env[0].name: Invalid value: \"\": environment variable name must be non-empty"),
        Create("env fieldRef path supported", () => Pod(p => Ctr(p).Env = [new V1EnvVar { Name = "X", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.foo" } } }]),
            "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"spec.foo\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""),
        Create("requests may not exceed limits", () => Pod(p => Ctr(p).Resources = new V1ResourceRequirements
        {
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m") },
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1") },
        }), "spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m"),
        Create("quantities non-negative", () => Pod(p => Ctr(p).Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("-1Mi") },
        }), "spec.containers[0].resources.requests[memory]: Invalid value: \"-1Mi\": must be greater than or equal to 0"),
        Create("container resource names standard", () => Pod(p => Ctr(p).Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["gpu"] = new("1") },
        }), "spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified"),
        Create("probe needs a handler", () => Pod(p => Ctr(p).LivenessProbe = new V1Probe { TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 }),
            "spec.containers[0].livenessProbe: Required value: must specify a handler type"),
        Create("liveness successThreshold must be 1", () => Pod(p => Ctr(p).LivenessProbe = new V1Probe
        {
            TcpSocket = new V1TCPSocketAction { Port = 80 }, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 2, FailureThreshold = 3,
        }), "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"),
        Create("probe values non-negative", () => Pod(p => Ctr(p).ReadinessProbe = new V1Probe
        {
            TcpSocket = new V1TCPSocketAction { Port = 80 }, TimeoutSeconds = -1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3,
        }), "spec.containers[0].readinessProbe.timeoutSeconds: Invalid value: -1: must be greater than or equal to 0"),
        Create("terminationGracePeriodSeconds non-negative", () => Pod(p => p.Spec.TerminationGracePeriodSeconds = -5),
            "spec.terminationGracePeriodSeconds: Invalid value: -5: must be greater than or equal to 0"),
        Create("activeDeadlineSeconds positive", () => Pod(p => p.Spec.ActiveDeadlineSeconds = 0),
            "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"),
        Create("toleration with empty key needs Exists", () => Pod(p => p.Spec.Tolerations = [new V1Toleration { OperatorProperty = "Equal", Value = "x" }]),
            "spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""),
        Create("toleration effect enum", () => Pod(p => p.Spec.Tolerations = [new V1Toleration { Key = "k", OperatorProperty = "Exists", Effect = "Never" }]),
            "spec.tolerations[0].effect: Unsupported value: \"Never\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""),
        Create("host ports unique across containers", () => Pod(p =>
        {
            Ctr(p).Ports = [new V1ContainerPort { ContainerPort = 80, HostPort = 8080, Protocol = "TCP" }];
            p.Spec.Containers.Add(new V1Container
            {
                Name = "b", Image = "busybox", ImagePullPolicy = "Always", TerminationMessagePolicy = "File",
                Ports = [new V1ContainerPort { ContainerPort = 81, HostPort = 8080, Protocol = "TCP" }],
            });
        }), "spec.containers[1].ports[0].hostPort: Duplicate value: \"/TCP/8080\""),
        Create("dnsPolicy None needs dnsConfig", () => Pod(p => p.Spec.DnsPolicy = "None"),
            "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"),
        Create("ephemeral containers cannot be set on create", () => Pod(p => p.Spec.EphemeralContainers = [new V1EphemeralContainer { Name = "dbg", Image = "busybox" }]),
            "spec.ephemeralContainers: Forbidden: cannot be set on create"),
        Update("image may change", () => Pod(), () => Pod(p => Ctr(p).Image = "nginx:1.28")),
        Update("activeDeadlineSeconds may be added", () => Pod(), () => Pod(p => p.Spec.ActiveDeadlineSeconds = 30)),
        Update("activeDeadlineSeconds may not increase", () => Pod(p => p.Spec.ActiveDeadlineSeconds = 30), () => Pod(p => p.Spec.ActiveDeadlineSeconds = 60),
            "spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value"),
        Update("tolerations may be added", () => Pod(), () => Pod(p => p.Spec.Tolerations = [new V1Toleration { Key = "k", OperatorProperty = "Exists" }])),
        Update("tolerations may not be removed", () => Pod(p => p.Spec.Tolerations = [new V1Toleration { Key = "k", OperatorProperty = "Exists" }]), () => Pod(),
            "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds"),
        Update("containers may not be added", () => Pod(), () => Pod(p => p.Spec.Containers.Add(new V1Container { Name = "b", Image = "busybox", ImagePullPolicy = "Always", TerminationMessagePolicy = "File" })),
            "spec.containers: Forbidden: pod updates may not add or remove containers"),
        Update("other spec fields are forbidden", () => Pod(), () => Pod(p => p.Spec.RestartPolicy = "Never"),
            "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n-\trestartPolicy: \"Always\"\n+\trestartPolicy: \"Never\""),
        Update("labels may change", () => Pod(), () => Pod(p => p.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "web" })),
        Create("scheduling gate names unique", () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/a" }, new() { Name = "example.com/a" }]),
            "spec.schedulingGates[1]: Duplicate value: \"example.com/a\""),
        Update("scheduling gates may be removed", () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/a" }, new() { Name = "example.com/b" }]),
            () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/b" }])),
        Update("scheduling gates may all be removed", () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/a" }]), () => Pod()),
        Update("scheduling gates may not be added", () => Pod(), () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/a" }]),
            "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/a'"),
        Update("a scheduling gate may not be swapped for another", () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/a" }]),
            () => Pod(p => p.Spec.SchedulingGates = [new() { Name = "example.com/b" }]),
            "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/b'"),
    ];

    public static TheoryData<string> Names => CaseRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name) => CaseRunner.Run(Cases, name);
}
