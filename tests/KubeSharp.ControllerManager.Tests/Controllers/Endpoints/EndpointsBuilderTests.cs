using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Endpoints;

namespace KubeSharp.ControllerManager.Tests.Controllers.Endpoints;

/// <summary>The Endpoints a Service's pods call for, without a cluster (one row per upstream rule).</summary>
public sealed class EndpointsBuilderTests
{
    private static V1Service Service(string? clusterIp = "10.96.0.10", bool publishNotReady = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = "svc", NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["team"] = "blue" } },
        Spec = new V1ServiceSpec
        {
            ClusterIP = clusterIp,
            Selector = new Dictionary<string, string> { ["app"] = "x" },
            PublishNotReadyAddresses = publishNotReady,
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "web", Protocol = "TCP" }],
        },
    };

    private static V1Pod Pod(int i, bool ready = true, string? ip = null, bool terminating = false, string? restartPolicy = null, string phase = "Running",
        string portName = "web") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"p{i}", NamespaceProperty = "ns", Uid = $"u{i}",
            DeletionTimestamp = terminating ? DateTime.UtcNow : null,
        },
        Spec = new V1PodSpec
        {
            NodeName = "n1",
            RestartPolicy = restartPolicy,
            Containers = [new V1Container { Name = "c", Ports = [new V1ContainerPort { Name = portName, ContainerPort = 8080 }] }],
        },
        Status = new V1PodStatus
        {
            Phase = phase,
            PodIP = ip ?? $"10.1.{i / 250}.{i % 250 + 1}",
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };

    private static string Ips(V1Endpoints e, bool ready) =>
        string.Join(",", (e.Subsets ?? []).SelectMany(s => (ready ? s.Addresses : s.NotReadyAddresses) ?? []).Select(a => a.TargetRef.Name));

    [Fact]
    public void Leaves_out_terminating_finished_ipless_wrong_family_and_portless_pods()
    {
        var pods = new[]
        {
            Pod(1),
            Pod(2, ready: false),
            Pod(3, terminating: true),
            Pod(4, restartPolicy: "Never", phase: "Failed"),
            Pod(5, restartPolicy: "OnFailure", phase: "Succeeded"),
            Pod(6, ip: "fd00::6"),
            Pod(7, portName: "other"),
            Pod(8, restartPolicy: "OnFailure", phase: "Failed"),
        };
        var ep = EndpointsBuilder.Build(Service(), pods, null, null)!;
        Assert.Equal("p1,p8", Ips(ep, ready: true));
        Assert.Equal("p2", Ips(ep, ready: false));
        Assert.Equal("blue", ep.Metadata.Labels["team"]);
        Assert.False(ep.Metadata.Labels.ContainsKey("service.kubernetes.io/headless"));
        Assert.Null(ep.Metadata.Annotations);
    }

    [Fact]
    public void Publish_not_ready_addresses_lists_not_ready_and_terminating_pods_as_ready()
    {
        var ep = EndpointsBuilder.Build(Service(publishNotReady: true), [Pod(1, ready: false), Pod(2, terminating: true)], null, null)!;
        Assert.Equal("p1,p2", Ips(ep, ready: true));
        Assert.Equal("", Ips(ep, ready: false));
    }

    [Fact]
    public void Headless_services_get_the_headless_label_and_the_trigger_time_is_annotated()
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var ep = EndpointsBuilder.Build(Service(clusterIp: "None"), [Pod(1)], null, time)!;
        Assert.Equal("", ep.Metadata.Labels["service.kubernetes.io/headless"]);
        Assert.Equal("2026-01-02T03:04:05Z", ep.Metadata.Annotations["endpoints.kubernetes.io/last-change-trigger-time"]);
    }

    [Fact]
    public void Over_capacity_is_truncated_and_annotated_and_the_annotation_goes_when_back_under()
    {
        var pods = Enumerable.Range(0, 1001).Select(i => Pod(i)).ToList();
        var full = EndpointsBuilder.Build(Service(), pods, null, null)!;
        Assert.Equal(1000, full.Subsets.Sum(s => s.Addresses.Count));
        Assert.Equal("truncated", full.Metadata.Annotations["endpoints.kubernetes.io/over-capacity"]);

        full.Metadata.ResourceVersion = "5";
        var under = EndpointsBuilder.Build(Service(), pods.Take(999), full, null)!;
        Assert.Equal(999, under.Subsets.Sum(s => s.Addresses.Count));
        Assert.Null(under.Metadata.Annotations);
        Assert.Equal("5", under.Metadata.ResourceVersion);
    }

    [Fact]
    public void Nothing_is_written_when_subsets_and_labels_are_unchanged()
    {
        var pods = new[] { Pod(1), Pod(2, ready: false) };
        var first = EndpointsBuilder.Build(Service(), pods, null, null)!;
        Assert.Null(EndpointsBuilder.Build(Service(), pods.Reverse(), first, null));

        var relabeled = Service();
        relabeled.Metadata.Labels["team"] = "red";
        Assert.Equal("red", EndpointsBuilder.Build(relabeled, pods, first, null)!.Metadata.Labels["team"]);
    }
}
