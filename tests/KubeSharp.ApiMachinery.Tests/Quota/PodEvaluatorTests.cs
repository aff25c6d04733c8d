using k8s.Models;
using KubeSharp.ApiMachinery.Quota;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Tests.Quota;

public sealed class PodEvaluatorTests
{
    private static readonly IQuotaEvaluator Pods = QuotaEvaluators.For(ResourceTable.Find("", "pods")!)!;
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static V1Container Container(string name, string? cpuRequest = null, string? memRequest = null, string? cpuLimit = null, string? memLimit = null)
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        var limits = new Dictionary<string, ResourceQuantity>();
        if (cpuRequest != null) requests["cpu"] = new ResourceQuantity(cpuRequest);
        if (memRequest != null) requests["memory"] = new ResourceQuantity(memRequest);
        if (cpuLimit != null) limits["cpu"] = new ResourceQuantity(cpuLimit);
        if (memLimit != null) limits["memory"] = new ResourceQuantity(memLimit);
        return new V1Container
        {
            Name = name,
            Image = "busybox",
            Resources = new V1ResourceRequirements { Requests = requests.Count > 0 ? requests : null, Limits = limits.Count > 0 ? limits : null },
        };
    }

    internal static V1Pod Pod(params V1Container[] containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns" },
        Spec = new V1PodSpec { Containers = containers },
    };

    private static string Get(Dictionary<string, ResourceQuantity> usage, string name) => usage[name].ToString();

    [Fact]
    public void Usage_sums_containers_and_counts_requests_under_both_names()
    {
        var pod = Pod(Container("a", "100m", "64Mi", "200m", "128Mi"), Container("b", "400m", "64Mi", "1", "128Mi"));
        var usage = Pods.Usage(pod, Now);
        Assert.Equal("1", Get(usage, "pods"));
        Assert.Equal("1", Get(usage, "count/pods"));
        Assert.Equal("500m", Get(usage, "cpu"));
        Assert.Equal("500m", Get(usage, "requests.cpu"));
        Assert.Equal("128Mi", Get(usage, "requests.memory"));
        Assert.Equal("1200m", Get(usage, "limits.cpu"));
        Assert.Equal("256Mi", Get(usage, "limits.memory"));
    }

    [Fact]
    public void Init_containers_raise_the_request_to_their_maximum_and_overhead_is_added()
    {
        var pod = Pod(Container("a", "100m"));
        pod.Spec.InitContainers = [Container("init", "2")];
        pod.Spec.Overhead = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m") };
        Assert.Equal("2250m", Get(Pods.Usage(pod, Now), "requests.cpu"));
    }

    [Fact]
    public void Terminal_pods_and_pods_past_their_grace_period_only_count_as_objects()
    {
        var done = Pod(Container("a", "1"));
        done.Status = new V1PodStatus { Phase = "Succeeded" };
        Assert.Equal(["count/pods"], Pods.Usage(done, Now).Keys.ToArray());

        var stuck = Pod(Container("a", "1"));
        stuck.Metadata.DeletionTimestamp = Now.UtcDateTime.AddMinutes(-2);
        stuck.Metadata.DeletionGracePeriodSeconds = 30;
        Assert.False(Pods.Usage(stuck, Now).ContainsKey("pods"));

        var terminating = Pod(Container("a", "1"));
        terminating.Metadata.DeletionTimestamp = Now.UtcDateTime;
        terminating.Metadata.DeletionGracePeriodSeconds = 30;
        Assert.Equal("1", Get(Pods.Usage(terminating, Now), "pods"));
    }

    [Fact]
    public void Constraints_name_every_container_missing_a_tracked_compute_resource()
    {
        var pod = Pod(Container("b", "100m"), Container("a"), Container("c", "1", "1Gi", "1", "1Gi"));
        var error = Pods.Constraints(["pods", "requests.cpu", "limits.cpu", "requests.memory"], pod);
        Assert.Equal("must specify limits.cpu for: a,b; requests.cpu for: a; requests.memory for: a,b", error);
        Assert.Null(Pods.Constraints(["pods", "count/pods"], Pod(Container("a"))));
    }

    [Theory]
    [InlineData("BestEffort", false, true)]
    [InlineData("NotBestEffort", false, false)]
    [InlineData("BestEffort", true, false)]
    [InlineData("NotBestEffort", true, true)]
    public void BestEffort_scopes_follow_the_qos_class(string scope, bool withResources, bool expected)
    {
        var pod = withResources ? Pod(Container("a", "100m")) : Pod(Container("a"));
        Assert.Equal(expected, Pods.MatchesScope(new ScopeRequirement(scope, "Exists", []), pod));
    }

    [Fact]
    public void Terminating_scopes_follow_active_deadline_seconds()
    {
        var pod = Pod(Container("a"));
        Assert.False(Pods.MatchesScope(new ScopeRequirement("Terminating", "Exists", []), pod));
        Assert.True(Pods.MatchesScope(new ScopeRequirement("NotTerminating", "Exists", []), pod));
        pod.Spec.ActiveDeadlineSeconds = 60;
        Assert.True(Pods.MatchesScope(new ScopeRequirement("Terminating", "Exists", []), pod));
        Assert.False(Pods.MatchesScope(new ScopeRequirement("NotTerminating", "Exists", []), pod));
    }

    [Fact]
    public void PriorityClass_scope_matches_the_class_name_by_operator()
    {
        var pod = Pod(Container("a"));
        Assert.False(Pods.MatchesScope(new ScopeRequirement("PriorityClass", "Exists", []), pod));
        Assert.True(Pods.MatchesScope(new ScopeRequirement("PriorityClass", "NotIn", ["high"]), pod));
        pod.Spec.PriorityClassName = "high";
        Assert.True(Pods.MatchesScope(new ScopeRequirement("PriorityClass", "Exists", []), pod));
        Assert.True(Pods.MatchesScope(new ScopeRequirement("PriorityClass", "In", ["low", "high"]), pod));
        Assert.False(Pods.MatchesScope(new ScopeRequirement("PriorityClass", "NotIn", ["high"]), pod));
    }
}
