using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Defaulting.DefaultingCase;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

public class ObjectDefaultingTests
{
    private static V1ObjectMeta Meta(string name = "x") => new() { Name = name, NamespaceProperty = "default" };

    private static V1Service Svc(string? type = null) => new()
    {
        Metadata = Meta("web"),
        Spec = new V1ServiceSpec { Type = type, Ports = [new V1ServicePort { Port = 80 }] },
    };

    private static V1Namespace Ns() => new() { Metadata = new V1ObjectMeta { Name = "team-a" } };

    private static readonly DefaultingCase[] Cases =
    [
        Row("service type ClusterIP", () => Svc(), s => s.Spec.Type, "\"ClusterIP\""),
        Row("service sessionAffinity None", () => Svc(), s => s.Spec.SessionAffinity, "\"None\""),
        Row("service port protocol TCP", () => Svc(), s => s.Spec.Ports[0].Protocol, "\"TCP\""),
        Row("service targetPort = port", () => Svc(), s => s.Spec.Ports[0].TargetPort, "80"),
        Row("service named targetPort kept", () => { var s = Svc(); s.Spec.Ports[0].TargetPort = "http"; return s; }, s => s.Spec.Ports[0].TargetPort, "\"http\""),
        Row("service internalTrafficPolicy Cluster", () => Svc(), s => s.Spec.InternalTrafficPolicy, "\"Cluster\""),
        Row("ClusterIP service has no externalTrafficPolicy", () => Svc(), s => s.Spec.ExternalTrafficPolicy, "null"),
        Row("NodePort externalTrafficPolicy Cluster", () => Svc("NodePort"), s => s.Spec.ExternalTrafficPolicy, "\"Cluster\""),
        Row("LoadBalancer externalTrafficPolicy Cluster", () => Svc("LoadBalancer"), s => s.Spec.ExternalTrafficPolicy, "\"Cluster\""),
        Row("external IPs make a ClusterIP service externally accessible", () => { var s = Svc(); s.Spec.ExternalIPs = ["192.0.2.7"]; return s; },
            s => s.Spec.ExternalTrafficPolicy, "\"Cluster\""),
        Row("NodePort has no allocateLoadBalancerNodePorts", () => Svc("NodePort"), s => s.Spec.AllocateLoadBalancerNodePorts, "null"),
        Row("LoadBalancer allocates node ports", () => Svc("LoadBalancer"), s => s.Spec.AllocateLoadBalancerNodePorts, "true"),
        Row("LoadBalancer ingress ipMode VIP", () =>
        {
            var s = Svc("LoadBalancer");
            s.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.10" }] } };
            return s;
        }, s => s.Status.LoadBalancer.Ingress[0].IpMode, "\"VIP\""),
        Row("ExternalName has no internalTrafficPolicy", () => Svc("ExternalName"), s => s.Spec.InternalTrafficPolicy, "null"),
        Row("ClientIP affinity timeout 10800", () => { var s = Svc(); s.Spec.SessionAffinity = "ClientIP"; return s; },
            s => s.Spec.SessionAffinityConfig, "{\"clientIP\":{\"timeoutSeconds\":10800}}"),
        Row("clusterIP not allocated by defaulting", () => Svc(), s => s.Spec.ClusterIP, "null"),
        Row("namespace finalizer kubernetes", Ns, n => n.Spec.Finalizers, "[\"kubernetes\"]"),
        Row("namespace phase Active", Ns, n => n.Status.Phase, "\"Active\""),
        Row("namespace metadata.name label", Ns, n => n.Metadata.Labels, "{\"kubernetes.io/metadata.name\":\"team-a\"}"),
        Row("terminating namespace finalizers not re-added", () => new V1Namespace
        {
            Metadata = new V1ObjectMeta { Name = "team-a" }, Spec = new V1NamespaceSpec { Finalizers = [] }, Status = new V1NamespaceStatus { Phase = "Terminating" },
        }, n => n.Spec.Finalizers, "[]"),
        Row("secret type Opaque", () => new V1Secret { Metadata = Meta() }, s => s.Type, "\"Opaque\""),
        Row("configmap untouched", () => new V1ConfigMap { Metadata = Meta() }, c => c.Data, "null"),
        Row("endpoints port protocol TCP", () => new V1Endpoints
        {
            Metadata = Meta(), Subsets = [new V1EndpointSubset { Ports = [new Corev1EndpointPort { Port = 80 }] }],
        }, e => e.Subsets[0].Ports[0].Protocol, "\"TCP\""),
        Row("endpointslice port protocol TCP and name", () => new V1EndpointSlice
        {
            Metadata = Meta(), AddressType = "IPv4", Ports = [new Discoveryv1EndpointPort { Port = 80 }],
        }, e => new[] { e.Ports[0].Protocol, e.Ports[0].Name }, "[\"TCP\",\"\"]"),
        Row("limitrange default from max, request from default", () => new V1LimitRange
        {
            Metadata = Meta(),
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "Container", Max = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2") } }] },
        }, l => new object[] { l.Spec.Limits[0].DefaultProperty, l.Spec.Limits[0].DefaultRequest }, "[{\"cpu\":\"2\"},{\"cpu\":\"2\"}]"),
        Row("limitrange request from min when no default", () => new V1LimitRange
        {
            Metadata = Meta(),
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "Container", Min = new Dictionary<string, ResourceQuantity> { ["memory"] = new("64Mi") } }] },
        }, l => l.Spec.Limits[0].DefaultRequest, "{\"memory\":\"64Mi\"}"),
        Row("limitrange pod items untouched", () => new V1LimitRange
        {
            Metadata = Meta(),
            Spec = new V1LimitRangeSpec { Limits = [new V1LimitRangeItem { Type = "Pod", Max = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2") } }] },
        }, l => l.Spec.Limits[0].DefaultProperty, "null"),
        Row("priorityclass preemptionPolicy", () => new V1PriorityClass { Metadata = new V1ObjectMeta { Name = "high" }, Value = 10 },
            p => p.PreemptionPolicy, "\"PreemptLowerPriority\""),
        Row("node allocatable from capacity", () => new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n" },
            Status = new V1NodeStatus { Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("4") } },
        }, n => n.Status.Allocatable, "{\"cpu\":\"4\"}"),
        Row("pv reclaim policy, volume mode, phase", () => new V1PersistentVolume { Metadata = new V1ObjectMeta { Name = "pv" }, Spec = new V1PersistentVolumeSpec() },
            p => new[] { p.Spec.PersistentVolumeReclaimPolicy, p.Spec.VolumeMode, p.Status.Phase }, "[\"Retain\",\"Filesystem\",\"Pending\"]"),
        Row("pvc volume mode and phase", () => new V1PersistentVolumeClaim { Metadata = Meta(), Spec = new V1PersistentVolumeClaimSpec() },
            p => new[] { p.Spec.VolumeMode, p.Status.Phase }, "[\"Filesystem\",\"Pending\"]"),
        Row("lease untouched", () => new V1Lease { Metadata = Meta(), Spec = new V1LeaseSpec() }, l => l.Spec, "{}"),
        Row("unknown types are a no-op", () => new V1Status { Message = "m" }, s => s.Message, "\"m\""),
    ];

    public static TheoryData<string> Names => DefaultingRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Defaults(string name) => DefaultingRunner.Run(Cases, name);
}
