using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.NodeName;
using KubeSharp.Scheduler.Plugins.NodeUnschedulable;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class SimpleFilterPluginTests
{
    public static TheoryData<string, bool, V1Toleration[], bool> UnschedulableCases => new()
    {
        { "schedulable node", false, [], true },
        { "cordoned node", true, [], false },
        { "cordoned but tolerated", true, [new V1Toleration { Key = "node.kubernetes.io/unschedulable", OperatorProperty = "Exists", Effect = "NoSchedule" }], true },
        { "tolerates another key", true, [new V1Toleration { Key = "x", OperatorProperty = "Exists" }], false },
    };

    [Theory]
    [MemberData(nameof(UnschedulableCases))]
    public void NodeUnschedulable(string name, bool cordoned, V1Toleration[] tolerations, bool fits)
    {
        var status = new NodeUnschedulablePlugin().Filter(new CycleState(), Make.Pod("p", tolerations: tolerations),
            new NodeInfo(Make.Node("n", unschedulable: cordoned)));
        Assert.True(fits == status.IsSuccess, name);
        if (!fits) Assert.Equal(["node(s) were unschedulable"], status.Reasons);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("n", true)]
    [InlineData("other", false)]
    public void NodeName(string? nodeName, bool fits)
    {
        var pod = Make.Pod("p");
        pod.Spec.NodeName = nodeName;
        var status = new NodeNamePlugin().Filter(new CycleState(), pod, new NodeInfo(Make.Node("n")));
        Assert.Equal(fits, status.IsSuccess);
        if (!fits) Assert.Equal(StatusCode.UnschedulableAndUnresolvable, status.Code);
    }
}
