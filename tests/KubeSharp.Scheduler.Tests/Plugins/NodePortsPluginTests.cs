using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins.NodePorts;

namespace KubeSharp.Scheduler.Tests.Plugins;

public class NodePortsPluginTests
{
    private static V1Pod WithPorts(string name, params (string? Ip, string? Protocol, int HostPort)[] ports)
    {
        var pod = Make.Pod(name, nodeName: "n1");
        pod.Spec.Containers[0].Ports = ports.Select(p => new V1ContainerPort { ContainerPort = 80, HostIP = p.Ip, Protocol = p.Protocol, HostPort = p.HostPort == 0 ? null : p.HostPort }).ToList();
        return pod;
    }

    public static TheoryData<string, (string?, string?, int)[], (string?, string?, int)[], bool> Cases => new()
    {
        { "different ports", [(null, null, 8080)], [(null, null, 8081)], true },
        { "same port, both on every address", [(null, null, 8080)], [(null, null, 8080)], false },
        { "same port, other protocol", [(null, "UDP", 53)], [(null, "TCP", 53)], true },
        { "empty protocol is TCP", [(null, null, 53)], [(null, "TCP", 53)], false },
        { "same port on two specific addresses", [("10.0.0.1", null, 8080)], [("10.0.0.2", null, 8080)], true },
        { "same port on the same address", [("10.0.0.1", null, 8080)], [("10.0.0.1", null, 8080)], false },
        { "0.0.0.0 wanted, a specific address used", [("0.0.0.0", null, 8080)], [("10.0.0.1", null, 8080)], false },
        { "a specific address wanted, empty (0.0.0.0) used", [("10.0.0.1", null, 8080)], [(null, null, 8080)], false },
        { "container ports without hostPort never conflict", [(null, null, 0)], [(null, null, 0)], true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter(string name, (string?, string?, int)[] wanted, (string?, string?, int)[] used, bool fits)
    {
        var node = new NodeInfo(Make.Node("n1"));
        node.AddPod(WithPorts("existing", used));
        var pod = WithPorts("incoming", wanted);
        var plugin = new NodePortsPlugin();
        var state = new CycleState();
        var pre = plugin.PreFilter(state, pod);
        var status = pre.Code == StatusCode.Skip ? Status.Success : plugin.Filter(state, pod, node);
        Assert.True(fits == status.IsSuccess, name);
        if (!fits)
        {
            Assert.Equal(StatusCode.Unschedulable, status.Code);
            Assert.Equal(["node(s) didn't have free ports for the requested pod ports"], status.Reasons);
        }
    }

    [Fact]
    public void PreFilterSkipsPodsWithoutHostPorts() =>
        Assert.Equal(StatusCode.Skip, new NodePortsPlugin().PreFilter(new CycleState(), Make.Pod("p")).Code);
}
