using k8s.Models;
using KubeSharp.ControllerManager.Controllers.EndpointSlice;

namespace KubeSharp.ControllerManager.Tests.Controllers.EndpointSlice;

public sealed class SliceReconcilerTests
{
    private static readonly V1Service Service = new()
    {
        Metadata = new V1ObjectMeta { Name = "svc", NamespaceProperty = "ns", Uid = "svc-uid" },
        Spec = new V1ServiceSpec { ClusterIP = "10.96.0.10", Selector = new Dictionary<string, string> { ["app"] = "x" } },
    };

    private static readonly List<Discoveryv1EndpointPort> Ports = [new() { Name = "", Port = 80, Protocol = "TCP" }];

    private static V1Endpoint Endpoint(int i, bool ready = true) => new()
    {
        Addresses = [$"10.1.{i / 250}.{i % 250 + 1}"],
        Conditions = new V1EndpointConditions { Ready = ready, Serving = ready, Terminating = false },
        TargetRef = new V1ObjectReference { Kind = "Pod", NamespaceProperty = "ns", Name = $"p{i}", Uid = $"u{i}" },
    };

    private static V1EndpointSlice Existing(string name, IEnumerable<int> pods)
    {
        var slice = SliceReconciler.NewSlice(Service, "IPv4", Ports);
        slice.Metadata.Name = name;
        slice.Metadata.Uid = name + "-uid";
        slice.Metadata.ResourceVersion = "1";
        slice.Endpoints = pods.Select(i => Endpoint(i)).ToList();
        return slice;
    }

    private static Dictionary<string, DesiredEndpoints> Desired(IEnumerable<int> pods, Func<int, bool>? ready = null)
    {
        var set = new DesiredEndpoints(Ports);
        foreach (var i in pods) set.Add(Endpoint(i, ready?.Invoke(i) ?? true));
        return new() { [SliceLabels.PortsKey(Ports)] = set };
    }

    [Fact]
    public void From_nothing_fills_slices_of_at_most_the_maximum()
    {
        var plan = SliceReconciler.Reconcile(Service, "IPv4", [], Desired(Enumerable.Range(0, 250)), 100);
        Assert.Equal([100, 100, 50], plan.Create.Select(s => s.Endpoints.Count));
        Assert.Empty(plan.Update);
        Assert.Empty(plan.Delete);
        Assert.All(plan.Create, s => Assert.Equal("svc-", s.Metadata.GenerateName));
    }

    [Fact]
    public void Unchanged_endpoints_cause_no_writes()
    {
        var existing = new[] { Existing("a", Enumerable.Range(0, 100)), Existing("b", Enumerable.Range(100, 20)) };
        var plan = SliceReconciler.Reconcile(Service, "IPv4", existing, Desired(Enumerable.Range(0, 120)), 100);
        Assert.Empty(plan.Create);
        Assert.Empty(plan.Update);
        Assert.Empty(plan.Delete);
    }

    [Fact]
    public void A_changed_endpoint_updates_only_its_slice_which_also_takes_new_endpoints()
    {
        var existing = new[] { Existing("a", Enumerable.Range(0, 100)), Existing("b", Enumerable.Range(100, 50)) };
        // p120 turns not ready, p5 is gone, p150 is new.
        var plan = SliceReconciler.Reconcile(Service, "IPv4", existing,
            Desired(Enumerable.Range(0, 151).Where(i => i != 5), ready: i => i != 120), 100);
        Assert.Empty(plan.Create);
        Assert.Empty(plan.Delete);
        Assert.Equal(["a", "b"], plan.Update.Select(s => s.Metadata.Name).Order());
        var a = plan.Update.Single(s => s.Metadata.Name == "a");
        var b = plan.Update.Single(s => s.Metadata.Name == "b");
        Assert.DoesNotContain(a.Endpoints, e => e.TargetRef.Name == "p5");
        Assert.False(b.Endpoints.Single(e => e.TargetRef.Name == "p120").Conditions.Ready);
        // The new endpoint goes into a slice that is written anyway (the fullest first).
        Assert.Equal(150, a.Endpoints.Count + b.Endpoints.Count);
        Assert.Contains(a.Endpoints.Concat(b.Endpoints), e => e.TargetRef.Name == "p150");
    }

    [Fact]
    public void Leftovers_go_to_the_unchanged_slice_they_fit_best()
    {
        var existing = new[] { Existing("full", Enumerable.Range(0, 100)), Existing("half", Enumerable.Range(100, 50)), Existing("most", Enumerable.Range(200, 90)) };
        var plan = SliceReconciler.Reconcile(Service, "IPv4", existing,
            Desired(Enumerable.Range(0, 100).Concat(Enumerable.Range(100, 50)).Concat(Enumerable.Range(200, 90)).Concat(Enumerable.Range(300, 10))), 100);
        Assert.Empty(plan.Create);
        var updated = Assert.Single(plan.Update);
        Assert.Equal("most", updated.Metadata.Name);
        Assert.Equal(100, updated.Endpoints.Count);
    }

    [Fact]
    public void An_emptied_slice_is_reused_instead_of_deleting_one_and_creating_another()
    {
        var existing = new[] { Existing("a", Enumerable.Range(0, 100)) };
        var ports8080 = new List<Discoveryv1EndpointPort> { new() { Name = "", Port = 8080, Protocol = "TCP" } };
        var set = new DesiredEndpoints(ports8080);
        foreach (var i in Enumerable.Range(0, 100)) set.Add(Endpoint(i));
        var plan = SliceReconciler.Reconcile(Service, "IPv4", existing, new() { [SliceLabels.PortsKey(ports8080)] = set }, 100);
        Assert.Empty(plan.Create);
        Assert.Empty(plan.Delete);
        var reused = Assert.Single(plan.Update);
        Assert.Equal("a", reused.Metadata.Name);
        Assert.Equal(8080, reused.Ports.Single().Port);
    }

    [Fact]
    public void No_endpoints_leave_one_placeholder_slice()
    {
        var plan = SliceReconciler.Reconcile(Service, "IPv4", [], [], 100);
        var placeholder = Assert.Single(plan.Create);
        Assert.Empty(placeholder.Endpoints);

        var existingPlaceholder = SliceReconciler.NewSlice(Service, "IPv4", []);
        existingPlaceholder.Metadata.Name = "svc-abc";
        var again = SliceReconciler.Reconcile(Service, "IPv4", [existingPlaceholder], [], 100);
        Assert.Empty(again.Create);
        Assert.Empty(again.Update);
        Assert.Empty(again.Delete);
    }
}
