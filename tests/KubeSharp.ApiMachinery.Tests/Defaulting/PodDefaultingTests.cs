using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Defaulting.DefaultingCase;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

public class PodDefaultingTests
{
    private static V1Pod Pod(Action<V1Pod>? edit = null)
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
        };
        edit?.Invoke(pod);
        return pod;
    }

    private static V1Container C(V1Pod p) => p.Spec.Containers[0];

    private static V1Probe HttpProbe() => new() { HttpGet = new V1HTTPGetAction { Port = 8080 } };

    private static readonly DefaultingCase[] Cases =
    [
        Row("restartPolicy Always", () => Pod(), p => p.Spec.RestartPolicy, "\"Always\""),
        Row("dnsPolicy ClusterFirst", () => Pod(), p => p.Spec.DnsPolicy, "\"ClusterFirst\""),
        Row("terminationGracePeriodSeconds 30", () => Pod(), p => p.Spec.TerminationGracePeriodSeconds, "30"),
        Row("schedulerName default-scheduler", () => Pod(), p => p.Spec.SchedulerName, "\"default-scheduler\""),
        Row("securityContext empty object", () => Pod(), p => p.Spec.SecurityContext, "{}"),
        Row("enableServiceLinks true", () => Pod(), p => p.Spec.EnableServiceLinks, "true"),
        Row("priority left to admission", () => Pod(), p => p.Spec.Priority, "null"),
        Row("explicit restartPolicy kept", () => Pod(p => p.Spec.RestartPolicy = "Never"), p => p.Spec.RestartPolicy, "\"Never\""),
        Row("pull policy IfNotPresent for a tag", () => Pod(), p => C(p).ImagePullPolicy, "\"IfNotPresent\""),
        Row("pull policy Always for latest", () => Pod(p => C(p).Image = "nginx:latest"), p => C(p).ImagePullPolicy, "\"Always\""),
        Row("pull policy Always without tag", () => Pod(p => C(p).Image = "registry.local:5000/team/nginx"), p => C(p).ImagePullPolicy, "\"Always\""),
        Row("pull policy IfNotPresent for digest", () => Pod(p => C(p).Image = "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
            p => C(p).ImagePullPolicy, "\"IfNotPresent\""),
        Row("pull policy explicit kept", () => Pod(p => C(p).ImagePullPolicy = "Never"), p => C(p).ImagePullPolicy, "\"Never\""),
        Row("terminationMessagePath", () => Pod(), p => C(p).TerminationMessagePath, "\"/dev/termination-log\""),
        Row("terminationMessagePolicy File", () => Pod(), p => C(p).TerminationMessagePolicy, "\"File\""),
        Row("container port protocol TCP", () => Pod(p => C(p).Ports = [new V1ContainerPort { ContainerPort = 80 }]), p => C(p).Ports[0].Protocol, "\"TCP\""),
        Row("init containers defaulted too", () => Pod(p => p.Spec.InitContainers = [new V1Container { Name = "init", Image = "busybox" }]),
            p => p.Spec.InitContainers[0].ImagePullPolicy, "\"Always\""),
        Row("probe thresholds", () => Pod(p => C(p).LivenessProbe = HttpProbe()),
            p => new[] { C(p).LivenessProbe.TimeoutSeconds, C(p).LivenessProbe.PeriodSeconds, C(p).LivenessProbe.SuccessThreshold, C(p).LivenessProbe.FailureThreshold },
            "[1,10,1,3]"),
        Row("httpGet scheme HTTP and path /", () => Pod(p => C(p).ReadinessProbe = HttpProbe()),
            p => new[] { C(p).ReadinessProbe.HttpGet.Scheme, C(p).ReadinessProbe.HttpGet.Path }, "[\"HTTP\",\"/\"]"),
        Row("env fieldRef apiVersion v1", () => Pod(p => C(p).Env = [new V1EnvVar { Name = "N", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } }]),
            p => C(p).Env[0].ValueFrom.FieldRef.ApiVersion, "\"v1\""),
        Row("requests default to limits", () => Pod(p => C(p).Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("128Mi") } }),
            p => C(p).Resources.Requests, "{\"cpu\":\"500m\",\"memory\":\"128Mi\"}"),
        Row("explicit requests kept", () => Pod(p => C(p).Resources = new V1ResourceRequirements
        {
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1") },
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") },
        }), p => C(p).Resources.Requests, "{\"cpu\":\"100m\"}"),
        Row("volume without source becomes emptyDir", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "scratch" }]), p => p.Spec.Volumes[0].EmptyDir, "{}"),
        Row("configMap volume defaultMode 420", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "c", ConfigMap = new V1ConfigMapVolumeSource { Name = "cfg" } }]),
            p => p.Spec.Volumes[0].ConfigMap.DefaultMode, "420"),
        Row("secret volume defaultMode 420", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "s", Secret = new V1SecretVolumeSource { SecretName = "s" } }]),
            p => p.Spec.Volumes[0].Secret.DefaultMode, "420"),
        Row("downwardAPI volume defaultMode 420", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "d", DownwardAPI = new V1DownwardAPIVolumeSource() }]),
            p => p.Spec.Volumes[0].DownwardAPI.DefaultMode, "420"),
        Row("projected volume defaultMode 420", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "p", Projected = new V1ProjectedVolumeSource { Sources = [] } }]),
            p => p.Spec.Volumes[0].Projected.DefaultMode, "420"),
        Row("hostPath type empty string", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "h", HostPath = new V1HostPathVolumeSource { Path = "/var" } }]),
            p => p.Spec.Volumes[0].HostPath.Type, "\"\""),
        Row("hostNetwork copies container ports to host ports", () => Pod(p => { p.Spec.HostNetwork = true; C(p).Ports = [new V1ContainerPort { ContainerPort = 8080 }]; }),
            p => C(p).Ports[0].HostPort, "8080"),
        Row("ephemeral containers get container defaults", () => Pod(p => p.Spec.EphemeralContainers = [new V1EphemeralContainer { Name = "dbg", Image = "busybox:1.36" }]),
            p => new[] { p.Spec.EphemeralContainers[0].ImagePullPolicy, p.Spec.EphemeralContainers[0].TerminationMessagePolicy }, "[\"IfNotPresent\",\"File\"]"),
        Row("iscsi interface default", () => Pod(p => p.Spec.Volumes = [new V1Volume { Name = "i", Iscsi = new V1ISCSIVolumeSource { TargetPortal = "10.0.0.1", Iqn = "iqn", Lun = 0 } }]),
            p => p.Spec.Volumes[0].Iscsi.IscsiInterface, "\"default\""),
        Row("tolerations are not defaulted (admission adds them)", () => Pod(), p => p.Spec.Tolerations, "null"),
    ];

    public static TheoryData<string> Names => DefaultingRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Defaults(string name) => DefaultingRunner.Run(Cases, name);
}
