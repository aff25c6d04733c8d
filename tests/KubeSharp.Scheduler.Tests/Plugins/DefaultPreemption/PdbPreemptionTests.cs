using System.Globalization;
using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Plugins.DefaultPreemption;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Scheduler.Tests.Plugins.DefaultPreemption;

/// <summary>PodDisruptionBudgets in victim selection and node choice (upstream's filterPodsWithPDBViolation and pickOneNodeForPreemption).</summary>
public class PdbPreemptionTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Budgets as "app=disruptionsAllowed[@ns][+disruptedPod]", comma-separated; "app=*" is an empty selector.</summary>
    internal static List<V1PodDisruptionBudget> Budgets(string spec)
    {
        var list = new List<V1PodDisruptionBudget>();
        if (spec.Length == 0) return list;
        foreach (var part in spec.Split(','))
        {
            var (app, rest) = (part.Split('=')[0], part.Split('=')[1]);
            var disrupted = rest.Contains('+') ? rest.Split('+')[1] : null;
            rest = rest.Split('+')[0];
            var ns = rest.Contains('@') ? rest.Split('@')[1] : "default";
            var allowed = int.Parse(rest.Split('@')[0], CultureInfo.InvariantCulture);
            list.Add(new V1PodDisruptionBudget
            {
                Metadata = new V1ObjectMeta { Name = "pdb-" + app + list.Count, NamespaceProperty = ns },
                Spec = new V1PodDisruptionBudgetSpec
                {
                    Selector = app == "*" ? new V1LabelSelector() : new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
                },
                Status = new V1PodDisruptionBudgetStatus
                {
                    DisruptionsAllowed = allowed,
                    DisruptedPods = disrupted == null ? null : new Dictionary<string, DateTime?> { [disrupted] = T0 },
                },
            });
        }
        return list;
    }

    /// <summary>Pods as "name:cpu:priority:app" (app "-" for no labels), running on n1.</summary>
    private static List<V1Pod> Running(string spec) => spec.Split(',').Select(part =>
    {
        var f = part.Split(':');
        var pod = Make.Pod(f[0], f[1], priority: int.Parse(f[2], CultureInfo.InvariantCulture),
            labels: f[3] == "-" ? null : Make.Labels("app", f[3]), nodeName: "n1");
        pod.Metadata.CreationTimestamp = T0;
        return pod;
    }).ToList();

    /// <summary>Victims, most important first → which of them violate a budget.</summary>
    public static TheoryData<string, string, string, string> SplitCases => new()
    {
        { "no budgets: nobody violates", "a:1:1:web,b:1:1:web", "", "" },
        { "one allowed: the second pod of the budget violates", "a:1:5:web,b:1:1:web", "web=1", "b" },
        { "zero allowed: every matching pod violates", "a:1:5:web,b:1:1:db", "web=0", "a" },
        { "a pod matching two budgets violates when either runs out", "a:1:1:web", "web=1,web=0", "a" },
        { "other namespace's budget does not apply", "a:1:1:web", "web=0@other", "" },
        { "an empty selector matches nothing in the scheduler", "a:1:1:web", "*=0", "" },
        { "a pod without labels matches nothing", "a:1:1:-", "*=0", "" },
        { "a pod already in disruptedPods does not use the budget again", "a:1:5:web,b:1:1:web", "web=1+a", "" },
    };

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void SplitsVictimsByBudget(string name, string victims, string budgets, string expected)
    {
        var (violating, nonViolating) = PdbViolations.Split(Running(victims), Budgets(budgets));
        Assert.True(expected == string.Join(",", violating.Select(p => p.Metadata.Name)), name);
        Assert.Equal(victims.Split(',').Length, violating.Count + nonViolating.Count);
    }

    /// <summary>A 4-cpu node; the preemptor (priority 10) needs the given cpu → "victims|violations" or the status message.</summary>
    public static TheoryData<string, string, string, string, string> SelectCases => new()
    {
        { "without budgets the less important pod goes", "a:2:1:web,b:2:1:db", "", "2", "b|0" },
        { "the pod protected by a budget is reprieved first", "a:2:1:web,b:2:1:db", "db=0", "2", "a|0" },
        { "without budgets the least important pod goes alone", "a:1:1:web,b:1:2:web,c:2:0:db", "", "2", "c|0" },
        { "a protected pod is kept even when two others must go instead", "a:1:1:web,b:1:2:web,c:2:0:db", "db=0", "2", "b, a|0" },
        { "protected pods that must go are counted", "a:2:1:web,b:2:1:web", "web=0", "4", "a, b|2" },
        { "one disruption allowed: one of two guarded pods goes without violation", "a:2:1:web,b:2:1:web", "web=1", "4", "a, b|1" },
        { "a budget never blocks preemption", "a:4:1:web", "web=0", "4", "a|1" },
    };

    [Theory]
    [MemberData(nameof(SelectCases))]
    public void SelectsVictimsKeepingWithinBudgets(string name, string running, string budgets, string cpu, string expected)
    {
        var framework = new SchedulingFramework(DefaultPlugins.Profile("default-scheduler"), DefaultPlugins.Registry(),
            new PluginHandle(new FakeBinder(), new FakeTimeProvider(T0), new FakePreemptor()));
        var node = new NodeInfo(Make.Node("n1", cpu: "4"));
        foreach (var p in Running(running)) node.AddPod(p);
        var pod = Make.Pod("new", cpu, priority: 10);
        var state = new CycleState();
        Assert.True(framework.RunPreFilter(state, pod).IsSuccess);
        var (victims, violations, status) = VictimSelector.Select(state, pod, node, Budgets(budgets), framework.RunFilter);
        var actual = status.IsSuccess ? $"{string.Join(", ", victims.Select(v => v.Metadata.Name))}|{violations}" : status.Message;
        Assert.True(expected == actual, $"{name}: {actual}");
    }

    [Fact]
    public void FewestBudgetViolationsDecidesBeforePriority()
    {
        var low = Make.Pod("low", priority: 1);
        var high = Make.Pod("high", priority: 5);
        var candidates = new List<Candidate>
        {
            new("n1", [low], PdbViolations: 1),
            new("n2", [high, Make.Pod("high-2", priority: 5)], PdbViolations: 0),
        };
        Assert.Equal("n2", CandidateOrder.Pick(candidates).NodeName);
        // With equal violations the usual rules apply again.
        candidates[1] = candidates[1] with { PdbViolations = 1 };
        Assert.Equal("n1", CandidateOrder.Pick(candidates).NodeName);
    }

    [Fact]
    public void DryRunReportsEachNodesViolations()
    {
        var framework = new SchedulingFramework(DefaultPlugins.Profile("default-scheduler"), DefaultPlugins.Registry(),
            new PluginHandle(new FakeBinder(), new FakeTimeProvider(T0), new FakePreemptor()));
        var n1 = new NodeInfo(Make.Node("n1", cpu: "2"));
        var n2 = new NodeInfo(Make.Node("n2", cpu: "2"));
        var guarded = Make.Pod("guarded", "2", priority: 1, labels: Make.Labels("app", "web"), nodeName: "n1");
        var free = Make.Pod("free", "2", priority: 1, labels: Make.Labels("app", "batch"), nodeName: "n2");
        n1.AddPod(guarded);
        n2.AddPod(free);
        var pod = Make.Pod("new", "2", priority: 10);
        var state = new CycleState();
        Assert.True(framework.RunPreFilter(state, pod).IsSuccess);
        var input = new PostFilterInput([n1, n2], new Dictionary<string, Status>
        {
            ["n1"] = Status.Unschedulable("Insufficient cpu"),
            ["n2"] = Status.Unschedulable("Insufficient cpu"),
        }, framework.RunFilter) { AddPod = framework.RunPreFilterAddPod, RemovePod = framework.RunPreFilterRemovePod };
        var (candidates, _) = DefaultPreemptionPlugin.DryRun(state, pod, input, Budgets("web=0"));
        Assert.Equal([("n1", 1), ("n2", 0)], candidates.Select(c => (c.NodeName, c.PdbViolations)));
        Assert.Equal("n2", CandidateOrder.Pick(candidates).NodeName);
    }
}
