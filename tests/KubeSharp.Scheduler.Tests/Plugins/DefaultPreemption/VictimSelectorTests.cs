using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Plugins.DefaultPreemption;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Scheduler.Tests.Plugins.DefaultPreemption;

public class VictimSelectorTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Running pods as "name:cpu:priority[:start second]" on a 4-cpu node; the result is the victims' names or the status message.</summary>
    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        { "lowest priority goes, the rest fit back", "a:1:1,b:1:2,c:2:3", "1", 10, "a" },
        { "higher priority re-added first even when bigger", "a:2:1,b:2:5", "2", 10, "a" },
        { "greedy by importance: the big important pod goes, the small one stays", "a:3:5,b:1:1", "2", 10, "a" },
        { "equal priority is never a victim", "a:2:10,b:2:1", "3", 10, "Insufficient cpu" },
        { "no lower-priority pods", "a:4:10", "1", 10, VictimSelector.NoVictims },
        { "same priority: the earlier started is re-added first", "b:2:1:5,a:2:1:9", "2", 10, "a" },
        { "several victims when one is not enough", "a:2:1,b:2:2", "4", 10, "b, a" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SelectsVictimsAsUpstream(string name, string running, string cpu, int priority, string expected)
    {
        var time = new FakeTimeProvider(T0);
        var framework = new SchedulingFramework(DefaultPlugins.Profile("default-scheduler"), DefaultPlugins.Registry(),
            new PluginHandle(new FakeBinder(), time, new FakePreemptor()));
        var node = new NodeInfo(Make.Node("n1", cpu: "4"));
        foreach (var p in Running(running)) node.AddPod(p);
        var pod = Make.Pod("new", cpu, priority: priority);
        var state = new CycleState();
        Assert.True(framework.RunPreFilter(state, pod).IsSuccess);
        var (victims, status) = VictimSelector.Select(state, pod, node, (s, p, n) => framework.RunFilter(s, p, n));
        var actual = status.IsSuccess ? string.Join(", ", victims.Select(v => v.Metadata.Name)) : status.Message;
        Assert.True(expected == actual, $"{name}: {actual}");
    }

    internal static IEnumerable<V1Pod> Running(string spec)
    {
        foreach (var part in spec.Split(','))
        {
            var f = part.Split(':');
            var pod = Make.Pod(f[0], f[1], priority: int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
            pod.Spec.NodeName = "n1";
            if (f.Length > 3) pod.Metadata.CreationTimestamp = T0.AddSeconds(int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
            yield return pod;
        }
    }
}
