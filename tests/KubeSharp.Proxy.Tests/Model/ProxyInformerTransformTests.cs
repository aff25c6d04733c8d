using k8s.Models;

namespace KubeSharp.Proxy.Tests.Model;

public sealed class ProxyInformerTransformTests
{
    [Fact]
    public void Slices_keep_what_the_model_and_the_latency_metric_read_and_lose_the_rest()
    {
        var slice = new V1EndpointSlice
        {
            AddressType = "IPv4",
            Metadata = new V1ObjectMeta
            {
                Name = "web-abc", NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "web" },
                Annotations = new Dictionary<string, string> { [ProxyInformerTransform.TriggerTimeAnnotation] = "2026-01-01T00:00:00Z", ["other"] = "x" },
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "kcm" }],
                OwnerReferences = [new V1OwnerReference { Name = "web", Kind = "Service", ApiVersion = "v1", Uid = "u" }],
            },
            Ports = [new Discoveryv1EndpointPort { Port = 8080 }],
            Endpoints = [new V1Endpoint
            {
                Addresses = ["10.244.0.2"], NodeName = "n1", Conditions = new V1EndpointConditions { Ready = true },
                TargetRef = new V1ObjectReference { Kind = "Pod", Name = "web-1" }, Zone = "z", Hostname = "h",
            }],
        };
        var before = KubeSharp.Proxy.Model.ServiceModelBuilder.Build([Service()], [slice], "n1");
        ProxyInformerTransform.Trim(slice);
        Assert.Null(slice.Metadata.ManagedFields);
        Assert.Null(slice.Metadata.OwnerReferences);
        Assert.Equal([ProxyInformerTransform.TriggerTimeAnnotation], slice.Metadata.Annotations.Keys);
        Assert.Null(slice.Endpoints[0].TargetRef);
        Assert.Equal("n1", slice.Endpoints[0].NodeName);
        // The model is the same from the trimmed slice.
        var after = KubeSharp.Proxy.Model.ServiceModelBuilder.Build([Service()], [slice], "n1");
        Assert.True(KubeSharp.Proxy.Model.ServicePortComparer.SameModel(before, after));
        Assert.True(after.Single().Endpoints.Single().IsLocal);
    }

    [Fact]
    public void Services_lose_annotations_and_managed_fields_but_keep_labels_spec_and_ingress()
    {
        var svc = Service();
        ProxyInformerTransform.Trim(svc);
        Assert.Null(svc.Metadata.Annotations);
        Assert.Null(svc.Metadata.ManagedFields);
        Assert.Equal("x", svc.Metadata.Labels["keep"]);
        Assert.Equal("192.0.2.1", svc.Status.LoadBalancer.Ingress.Single().Ip);
        Assert.Equal(["10.0.0.0/8"], svc.Spec.LoadBalancerSourceRanges);
    }

    private static V1Service Service() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web", NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["keep"] = "x" },
            Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/last-applied-configuration"] = "{}" },
            ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl" }],
        },
        Spec = new V1ServiceSpec { Type = "LoadBalancer", ClusterIP = "10.96.0.9", Ports = [new V1ServicePort { Port = 80 }], LoadBalancerSourceRanges = ["10.0.0.0/8"] },
        Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.1" }] } },
    };
}
