using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Defaulting;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

public class PodAdmissionDefaultsTests
{
    private const string Both =
        "[{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"tolerationSeconds\":300}," +
        "{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"tolerationSeconds\":300}]";

    public static TheoryData<string, V1Toleration[], string> Rows => new()
    {
        { "adds both when none", [], Both },
        {
            "keeps an existing not-ready toleration", [new V1Toleration { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 10 }],
            "[{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"tolerationSeconds\":10}," +
            "{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"tolerationSeconds\":300}]"
        },
        { "tolerate-everything covers both", [new V1Toleration { OperatorProperty = "Exists" }], "[{\"operator\":\"Exists\"}]" },
        {
            "NoSchedule toleration does not cover", [new V1Toleration { Key = "node.kubernetes.io/unreachable", OperatorProperty = "Exists", Effect = "NoSchedule" }],
            "[{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\"}," + Both[1..]
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void AddsDefaultTolerations(string name, V1Toleration[] existing, string expected)
    {
        Assert.NotEmpty(name);
        var pod = new V1Pod { Spec = new V1PodSpec { Tolerations = existing.Length == 0 ? null : existing.ToList() } };
        PodAdmissionDefaults.AddDefaultTolerations(pod);
        Assert.Equal(expected, KubernetesJson.Serialize(pod.Spec.Tolerations));
        PodAdmissionDefaults.AddDefaultTolerations(pod);
        Assert.Equal(expected, KubernetesJson.Serialize(pod.Spec.Tolerations));
    }

    [Fact]
    public void GeneratesJobSelectorUnlessManual()
    {
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "pi", Uid = "u1" },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec() } },
        };
        JobSelectorDefaults.GenerateSelector(job);
        Assert.Equal("{\"batch.kubernetes.io/controller-uid\":\"u1\"}", KubernetesJson.Serialize(job.Spec.Selector.MatchLabels));
        Assert.Equal("pi", job.Spec.Template.Metadata.Labels["job-name"]);
        Assert.Equal("u1", job.Spec.Template.Metadata.Labels["controller-uid"]);

        var manual = new V1Job { Metadata = new V1ObjectMeta { Name = "pi", Uid = "u1" }, Spec = new V1JobSpec { ManualSelector = true } };
        JobSelectorDefaults.GenerateSelector(manual);
        Assert.Null(manual.Spec.Selector);
    }
}
