using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

/// <summary>Printers for kinds the resource table does not serve yet (hpa, pdb, ingress, rbac, storage classes).</summary>
public class UnservedKindPrinterTests
{
    private static readonly Dictionary<string, (V2MetricSpec[] Specs, V2MetricStatus[] Statuses, string Expected)> _hpaTargets = new()
    {
        ["no metrics"] = ([], [], "<none>"),
        ["cpu utilization, no status yet"] = ([Cpu(80)], [], "cpu: <unknown>/80%"),
        ["cpu utilization with status"] = ([Cpu(80)], [CpuNow(35)], "cpu: 35%/80%"),
        ["memory average value"] = ([new() { Type = "Resource", Resource = new() { Name = "memory", Target = new() { Type = "AverageValue", AverageValue = new("500Mi") } } }],
            [new() { Type = "Resource", Resource = new() { Name = "memory", Current = new() { AverageValue = new("200Mi") } } }], "memory: 200Mi/500Mi"),
        ["pods metric"] = ([new() { Type = "Pods", Pods = new() { Target = new() { AverageValue = new("1k") } } }], [], "<unknown>/1k"),
        ["external value"] = ([new() { Type = "External", External = new() { Target = new() { Value = new("10") } } }], [], "<unknown>/10"),
        ["external average"] = ([new() { Type = "External", External = new() { Target = new() { AverageValue = new("3") } } }], [], "<unknown>/3 (avg)"),
        ["three metrics"] = ([Cpu(50), Cpu(60), Cpu(70)], [], "cpu: <unknown>/50%, cpu: <unknown>/60% + 1 more..."),
        ["unknown type"] = ([new() { Type = "Bogus" }], [], "<unknown type>"),
    };

    public static TheoryData<string> HpaCases() => new(_hpaTargets.Keys);

    [Theory]
    [MemberData(nameof(HpaCases))]
    public void Hpa_targets(string name)
    {
        var (specs, statuses, expected) = _hpaTargets[name];
        var hpa = new V2HorizontalPodAutoscaler
        {
            Metadata = Meta("web"),
            Spec = new() { ScaleTargetRef = new() { Kind = "Deployment", Name = "web" }, MaxReplicas = 5, Metrics = specs },
            Status = new() { CurrentReplicas = 2, CurrentMetrics = statuses },
        };
        Assert.Equal(["web", "Deployment/web", expected, "<unset>", 5L, 2L, "14s"], TablePrinters.For(typeof(V2HorizontalPodAutoscaler)).Cells(hpa, Now));
    }

    [Fact]
    public void V1_hpa_prints_its_cpu_target()
    {
        var hpa = new V1HorizontalPodAutoscaler
        {
            Metadata = Meta("web"),
            Spec = new() { ScaleTargetRef = new() { Kind = "Deployment", Name = "web" }, MinReplicas = 1, MaxReplicas = 3, TargetCPUUtilizationPercentage = 50 },
            Status = new() { CurrentReplicas = 1, CurrentCPUUtilizationPercentage = 12 },
        };
        Assert.Equal(["web", "Deployment/web", "cpu: 12%/50%", "1", 3L, 1L, "14s"], TablePrinters.For(typeof(V1HorizontalPodAutoscaler)).Cells(hpa, Now));
    }

    [Fact]
    public void Pdb_min_max_and_allowed()
    {
        var pdb = new V1PodDisruptionBudget { Metadata = Meta("pdb"), Spec = new() { MinAvailable = "50%" }, Status = new() { DisruptionsAllowed = 1 } };
        Assert.Equal(["pdb", "50%", "N/A", 1L, "14s"], TablePrinters.For(typeof(V1PodDisruptionBudget)).Cells(pdb, Now));
    }

    [Theory]
    [InlineData(new string[0], "*")]
    [InlineData(new[] { "" }, "*")]
    [InlineData(new[] { "a.example.com", "", "b.example.com" }, "a.example.com,b.example.com")]
    [InlineData(new[] { "a", "b", "c", "d", "e" }, "a,b,c + 2 more...")]
    public void Ingress_hosts(string[] hosts, string expected)
    {
        var ingress = new V1Ingress { Metadata = Meta("ing"), Spec = new() { Rules = hosts.Select(h => new V1IngressRule { Host = h }).ToList() } };
        Assert.Equal(expected, TablePrinters.For(typeof(V1Ingress)).Cells(ingress, Now)[2]);
    }

    [Fact]
    public void Ingress_class_address_and_tls_ports()
    {
        var ingress = new V1Ingress
        {
            Metadata = Meta("ing"),
            Spec = new() { IngressClassName = "nginx", Tls = [new V1IngressTLS { SecretName = "s" }] },
            Status = new() { LoadBalancer = new() { Ingress = [new() { Ip = "192.0.2.1" }, new() { Hostname = "lb.example.com" }] } },
        };
        Assert.Equal(["ing", "nginx", "*", "192.0.2.1,lb.example.com", "80, 443", "14s"], TablePrinters.For(typeof(V1Ingress)).Cells(ingress, Now));
    }

    [Fact]
    public void IngressClass_parameters()
    {
        var ic = new V1IngressClass
        {
            Metadata = Meta("nginx"),
            Spec = new() { Controller = "k8s.io/ingress-nginx", Parameters = new() { ApiGroup = "k8s.example.com", Kind = "IngressParameters", Name = "p" } },
        };
        Assert.Equal(["nginx", "k8s.io/ingress-nginx", "IngressParameters.k8s.example.com/p", "14s"], TablePrinters.For(typeof(V1IngressClass)).Cells(ic, Now));
    }

    [Fact]
    public void NetworkPolicy_empty_selector_is_none() =>
        Assert.Equal(["np", "<none>", "14s"], TablePrinters.For(typeof(V1NetworkPolicy)).Cells(new V1NetworkPolicy { Metadata = Meta("np"), Spec = new() }, Now));

    [Fact]
    public void StorageClass_default_and_defaults()
    {
        var sc = new V1StorageClass { Metadata = Meta("standard"), Provisioner = "rancher.io/local-path" };
        sc.Metadata.Annotations = new Dictionary<string, string> { ["storageclass.kubernetes.io/is-default-class"] = "true" };
        Assert.Equal(["standard (default)", "rancher.io/local-path", "Delete", "Immediate", false, "14s"], TablePrinters.For(typeof(V1StorageClass)).Cells(sc, Now));
    }

    [Fact]
    public void RoleBinding_role_and_subjects()
    {
        var rb = new V1RoleBinding
        {
            Metadata = Meta("rb"),
            RoleRef = new() { Kind = "ClusterRole", Name = "view" },
            Subjects =
            [
                new() { Kind = "User", Name = "alice" }, new() { Kind = "User", Name = "bob" },
                new() { Kind = "Group", Name = "devs" }, new() { Kind = "ServiceAccount", NamespaceProperty = "ci", Name = "runner" },
            ],
        };
        Assert.Equal(["rb", "ClusterRole/view", "14s", "alice, bob", "devs", "ci/runner"], TablePrinters.For(typeof(V1RoleBinding)).Cells(rb, Now));
        Assert.Equal("ServiceAccounts", TablePrinters.For(typeof(V1ClusterRoleBinding)).Columns[5].Name);
    }

    private static V2MetricSpec Cpu(int percent) =>
        new() { Type = "Resource", Resource = new() { Name = "cpu", Target = new() { Type = "Utilization", AverageUtilization = percent } } };

    private static V2MetricStatus CpuNow(int percent) =>
        new() { Type = "Resource", Resource = new() { Name = "cpu", Current = new() { AverageUtilization = percent } } };
}
