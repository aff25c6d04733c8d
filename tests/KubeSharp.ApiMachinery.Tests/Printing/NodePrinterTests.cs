using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class NodePrinterTests
{
    private static readonly ITablePrinter _printer = TablePrinters.For(typeof(V1Node));

    [Theory]
    [InlineData("True", false, "Ready")]
    [InlineData("False", false, "NotReady")]
    [InlineData("Unknown", false, "NotReady")]
    [InlineData("True", true, "Ready,SchedulingDisabled")]
    [InlineData(null, false, "Unknown")]
    [InlineData(null, true, "Unknown,SchedulingDisabled")]
    public void Status_reflects_ready_condition_and_cordon(string? ready, bool unschedulable, string expected)
    {
        var node = Node();
        node.Spec = new V1NodeSpec { Unschedulable = unschedulable };
        node.Status!.Conditions = ready is null ? null
            : [new V1NodeCondition { Type = "MemoryPressure", Status = "False" }, new V1NodeCondition { Type = "Ready", Status = ready }];
        Assert.Equal(expected, _printer.Cells(node, Now)[1]);
    }

    [Theory]
    [InlineData(new string[0], "<none>")]
    [InlineData(new[] { "node-role.kubernetes.io/control-plane=" }, "control-plane")]
    [InlineData(new[] { "node-role.kubernetes.io/worker=", "node-role.kubernetes.io/control-plane=" }, "control-plane,worker")]
    [InlineData(new[] { "kubernetes.io/role=master" }, "master")]
    [InlineData(new[] { "kubernetes.io/role=", "node-role.kubernetes.io/=" }, "<none>")]
    public void Roles_come_from_role_labels(string[] labels, string expected)
    {
        var node = Node();
        node.Metadata.Labels = labels.ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        Assert.Equal(expected, _printer.Cells(node, Now)[2]);
    }

    [Fact]
    public void Wide_columns_show_addresses_and_node_info()
    {
        var node = Node();
        node.Status!.Addresses = [new V1NodeAddress { Type = "Hostname", Address = "n1" }, new V1NodeAddress { Type = "InternalIP", Address = "10.0.0.5" }];
        node.Status.NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.32.4", OsImage = "Ubuntu 24.04", KernelVersion = "6.8.0" };
        Assert.Equal(["n1", "Unknown", "<none>", "3d", "v1.32.4", "10.0.0.5", "<none>", "Ubuntu 24.04", "6.8.0", "<unknown>"],
            _printer.Cells(node, Now));
    }

    private static V1Node Node() => new() { Metadata = Meta("n1", TimeSpan.FromDays(3)), Status = new V1NodeStatus() };
}
