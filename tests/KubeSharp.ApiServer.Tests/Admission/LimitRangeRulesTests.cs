using k8s.Models;
using KubeSharp.ApiServer.Registry.Admission;

namespace KubeSharp.ApiServer.Tests.Admission;

/// <summary>LimitRanger's defaulting and bounds, without a server.</summary>
public sealed class LimitRangeRulesTests
{
    private static Dictionary<string, ResourceQuantity> L(params (string Name, string Value)[] e) =>
        e.ToDictionary(x => x.Name, x => new ResourceQuantity(x.Value));

    internal static V1LimitRange Range(params V1LimitRangeItem[] items) => new()
    {
        Metadata = new V1ObjectMeta { Name = "limits" },
        Spec = new V1LimitRangeSpec { Limits = items },
    };

    private static V1Pod Pod(params V1Container[] containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p" },
        Spec = new V1PodSpec { Containers = containers },
    };

    private static V1Container C(string name, Dictionary<string, ResourceQuantity>? requests = null, Dictionary<string, ResourceQuantity>? limits = null) =>
        new() { Name = name, Image = "busybox", Resources = new V1ResourceRequirements { Requests = requests, Limits = limits } };

    [Fact]
    public void Defaults_fill_only_what_containers_omit_and_are_recorded_in_the_annotation()
    {
        var range = Range(new V1LimitRangeItem
        {
            Type = "Container",
            DefaultProperty = L(("cpu", "500m"), ("memory", "256Mi")),
            DefaultRequest = L(("cpu", "100m"), ("memory", "128Mi")),
        });
        var pod = Pod(C("a"), C("b", requests: L(("cpu", "50m")), limits: L(("memory", "1Gi"))));
        pod.Spec.InitContainers = [C("init", L(("cpu", "1"), ("memory", "1Gi")), L(("cpu", "1"), ("memory", "1Gi")))];

        Assert.True(LimitRangeDefaulting.Apply(range, pod));

        Assert.Equal("500m", pod.Spec.Containers[0].Resources.Limits["cpu"].ToString());
        Assert.Equal("128Mi", pod.Spec.Containers[0].Resources.Requests["memory"].ToString());
        Assert.Equal("50m", pod.Spec.Containers[1].Resources.Requests["cpu"].ToString());
        Assert.Equal("1Gi", pod.Spec.Containers[1].Resources.Limits["memory"].ToString());
        Assert.Equal("500m", pod.Spec.Containers[1].Resources.Limits["cpu"].ToString());
        Assert.Equal(
            "LimitRanger plugin set: cpu, memory request for container a; cpu, memory limit for container a; "
            + "memory request for container b; cpu limit for container b",
            pod.Metadata.Annotations[LimitRanger.Annotation]);
    }

    [Fact]
    public void Nothing_to_default_leaves_the_pod_without_annotation()
    {
        var pod = Pod(C("a"));
        Assert.False(LimitRangeDefaulting.Apply(Range(new V1LimitRangeItem { Type = "Container", Max = L(("cpu", "1")) }), pod));
        Assert.Null(pod.Metadata.Annotations);
    }

    [Fact]
    public void Container_bounds_are_reported_in_upstream_words()
    {
        var range = Range(new V1LimitRangeItem
        {
            Type = "Container",
            Max = L(("cpu", "1")),
            Min = L(("memory", "64Mi")),
            MaxLimitRequestRatio = L(("cpu", "2")),
        });
        var errors = new List<string>();
        LimitRangeChecks.Pod(range, Pod(C("c", L(("cpu", "500m")), L(("cpu", "2")))), errors);
        Assert.Equal(
        [
            "minimum memory usage per Container is 64Mi.  No request is specified",
            "maximum cpu usage per Container is 1, but limit is 2",
            "cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000",
        ], errors);

        errors.Clear();
        LimitRangeChecks.Pod(range, Pod(C("c", L(("cpu", "600m"), ("memory", "64Mi")), L(("cpu", "1")))), errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Pod_bounds_apply_to_the_sum_of_containers()
    {
        var range = Range(new V1LimitRangeItem { Type = "Pod", Max = L(("memory", "1Gi")) });
        var errors = new List<string>();
        LimitRangeChecks.Pod(range, Pod(C("a", limits: L(("memory", "768Mi"))), C("b", limits: L(("memory", "512Mi")))), errors);
        Assert.Equal(["maximum memory usage per Pod is 1Gi, but limit is 1280Mi"], errors);
    }

    [Fact]
    public void Claim_storage_must_lie_between_min_and_max()
    {
        var range = Range(new V1LimitRangeItem { Type = "PersistentVolumeClaim", Min = L(("storage", "1Gi")), Max = L(("storage", "10Gi")) });
        V1PersistentVolumeClaim Claim(string size) => new()
        {
            Metadata = new V1ObjectMeta { Name = "c" },
            Spec = new V1PersistentVolumeClaimSpec { Resources = new V1VolumeResourceRequirements { Requests = L(("storage", size)) } },
        };
        var errors = new List<string>();
        LimitRangeChecks.Claim(range, Claim("20Gi"), errors);
        LimitRangeChecks.Claim(range, Claim("500Mi"), errors);
        LimitRangeChecks.Claim(range, Claim("5Gi"), errors);
        Assert.Equal(
        [
            "maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi",
            "minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi",
        ], errors);
    }
}
