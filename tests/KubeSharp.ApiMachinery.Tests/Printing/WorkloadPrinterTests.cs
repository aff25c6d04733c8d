using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class WorkloadPrinterTests
{
    private static V1PodTemplateSpec Template(params string[] images) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = images.Select((image, i) => new V1Container { Name = $"c{i}", Image = image }).ToList() },
    };

    private static V1LabelSelector Selector() => new()
    {
        MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
        MatchExpressions = [new V1LabelSelectorRequirement { Key = "env", OperatorProperty = "In", Values = ["prod", "dev"] }],
    };

    [Fact]
    public void Deployment_ready_up_to_date_available_and_wide()
    {
        var deployment = new V1Deployment
        {
            Metadata = Meta("web", TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2)),
            Spec = new V1DeploymentSpec { Replicas = 3, Selector = Selector(), Template = Template("nginx:1.27", "busybox") },
            Status = new V1DeploymentStatus { ReadyReplicas = 2, UpdatedReplicas = 3, AvailableReplicas = 2 },
        };
        Assert.Equal(["web", "2/3", 3L, 2L, "5m2s", "c0,c1", "nginx:1.27,busybox", "app=web,env in (dev,prod)"],
            TablePrinters.For(typeof(V1Deployment)).Cells(deployment, Now));
    }

    [Fact]
    public void Deployment_without_status_counts_zero_and_defaults_replicas()
    {
        var deployment = new V1Deployment { Metadata = Meta("web"), Spec = new V1DeploymentSpec { Template = Template("nginx") } };
        var cells = TablePrinters.For(typeof(V1Deployment)).Cells(deployment, Now);
        Assert.Equal(["0/1", 0L, 0L, ""], [cells[1], cells[2], cells[3], cells[7]]);
    }

    [Fact]
    public void ReplicaSet_desired_current_ready()
    {
        var rs = new V1ReplicaSet
        {
            Metadata = Meta("web-abc"),
            Spec = new V1ReplicaSetSpec { Replicas = 2, Template = Template("nginx") },
            Status = new V1ReplicaSetStatus { Replicas = 2, ReadyReplicas = 1 },
        };
        Assert.Equal(["web-abc", 2L, 2L, 1L, "14s", "c0", "nginx", "<none>"], TablePrinters.For(typeof(V1ReplicaSet)).Cells(rs, Now));
    }

    [Fact]
    public void ReplicationController_selector_is_a_label_map()
    {
        var rc = new V1ReplicationController
        {
            Metadata = Meta("rc"),
            Spec = new V1ReplicationControllerSpec { Replicas = 1, Selector = new Dictionary<string, string> { ["app"] = "web" }, Template = Template("nginx") },
            Status = new V1ReplicationControllerStatus { Replicas = 1 },
        };
        Assert.Equal(["rc", 1L, 1L, 0L, "14s", "c0", "nginx", "app=web"], TablePrinters.For(typeof(V1ReplicationController)).Cells(rc, Now));
    }

    [Fact]
    public void DaemonSet_counts_and_node_selector()
    {
        var ds = new V1DaemonSet
        {
            Metadata = Meta("agent"),
            Spec = new V1DaemonSetSpec { Selector = Selector(), Template = Template("agent:1") },
            Status = new V1DaemonSetStatus { DesiredNumberScheduled = 3, CurrentNumberScheduled = 3, NumberReady = 2, UpdatedNumberScheduled = 3, NumberAvailable = 2 },
        };
        ds.Spec.Template.Spec.NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" };
        Assert.Equal(["agent", 3L, 3L, 2L, 3L, 2L, "kubernetes.io/os=linux", "14s", "c0", "agent:1", "app=web,env in (dev,prod)"],
            TablePrinters.For(typeof(V1DaemonSet)).Cells(ds, Now));
    }

    [Fact]
    public void StatefulSet_ready_over_desired()
    {
        var sts = new V1StatefulSet
        {
            Metadata = Meta("db"),
            Spec = new V1StatefulSetSpec { Replicas = 3, Template = Template("postgres") },
            Status = new V1StatefulSetStatus { ReadyReplicas = 1 },
        };
        Assert.Equal(["db", "1/3", "14s", "c0", "postgres"], TablePrinters.For(typeof(V1StatefulSet)).Cells(sts, Now));
    }

    [Fact]
    public void PodTemplate_has_no_age_column()
    {
        var template = new V1PodTemplate { Metadata = Meta("t"), Template = Template("nginx") };
        var printer = TablePrinters.For(typeof(V1PodTemplate));
        Assert.Equal(["Name", "Containers", "Images", "Pod Labels"], printer.Columns.Select(c => c.Name));
        Assert.Equal(["t", "c0", "nginx", "app=web"], printer.Cells(template, Now));
    }

    [Fact]
    public void ControllerRevision_names_its_controller()
    {
        var cr = new V1ControllerRevision
        {
            Metadata = Meta("web-5d8f"),
            Revision = 2,
        };
        cr.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "web", Controller = true, Uid = "u" }];
        Assert.Equal(["web-5d8f", "statefulset.apps/web", 2L, "14s"], TablePrinters.For(typeof(V1ControllerRevision)).Cells(cr, Now));
    }
}
