using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// The fullest real capture: a Job whose pod template exercises most of PodSpec. These checks name the Go/JSON rules
// that the generic comparison in KubectlCaptureTests covers only implicitly.
public sealed class JobFromCronJobTests
{
    private readonly V1Job _job;

    public JobFromCronJobTests()
    {
        Assert.True(KubeProtobuf.TryDecode(KubectlCaptures.JobFromCronJob.Body, out var obj, out var error), error);
        _job = KubernetesJson.Deserialize<V1Job>(obj.ToJsonString());
    }

    private V1PodSpec Pod => _job.Spec.Template.Spec;

    private V1Container Main => Pod.Containers[0];

    [Fact]
    public void PointerZerosAreKept()
    {
        Assert.Equal(0, _job.Spec.Parallelism);
        Assert.Equal(0, _job.Spec.BackoffLimit);
        Assert.False(_job.Spec.Suspend);
        Assert.Equal(0, Pod.TerminationGracePeriodSeconds);
        Assert.False(Pod.AutomountServiceAccountToken);
        Assert.Equal(0, Pod.Priority);
        Assert.Equal(0, Pod.SecurityContext.RunAsUser);
        Assert.False(Main.SecurityContext.Privileged);
        Assert.False(Pod.Containers[0].Env.Single(e => e.Name == "PW").ValueFrom.SecretKeyRef.Optional);
    }

    [Fact]
    public void ValueZerosWithOmitEmptyAreDropped()
    {
        Assert.Null(Pod.NodeName);
        Assert.Null(Pod.HostPID);
        Assert.Null(Main.StdinOnce);
        Assert.Null(Pod.Containers[0].Env.Single(e => e.Name == "EMPTY").Value);
    }

    [Fact]
    public void QuantitiesAndIntOrStringsKeepTheirForms()
    {
        Assert.Equal("500m", Main.Resources.Limits["cpu"].ToString());
        Assert.Equal("1Mi", Main.Env.Single(e => e.Name == "MEM").ValueFrom.ResourceFieldRef.Divisor.ToString());
        Assert.Equal("8080", Main.LivenessProbe.TcpSocket.Port.Value);
        Assert.Equal("http", Main.ReadinessProbe.HttpGet.Port.Value);
        Assert.Equal("64Mi", Pod.Volumes.Single(v => v.Name == "scratch").EmptyDir.SizeLimit.ToString());
    }

    [Fact]
    public void InlineStructsLandInTheirParent()
    {
        Assert.Equal("cfg", Main.EnvFrom[0].ConfigMapRef.Name);
        Assert.Equal("pvc1", Pod.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim.ClaimName);
        Assert.Equal(9090, Main.StartupProbe.Grpc.Port);
        Assert.Equal(30, Main.StartupProbe.FailureThreshold);
    }

    [Fact]
    public void RepeatedInt64AndNestedSelectorsSurvive()
    {
        Assert.Equal([1L, 2L, 3L], Pod.SecurityContext.SupplementalGroups);
        Assert.Equal([1, 42], _job.Spec.PodFailurePolicy.Rules[0].OnExitCodes.Values);
        var term = Pod.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms[0];
        Assert.Equal(["a", "b"], term.MatchExpressions[0].Values);
        Assert.Equal(60, Pod.Tolerations[0].TolerationSeconds);
    }

    [Fact]
    public void OwnerReferenceComesThrough()
    {
        var owner = Assert.Single(_job.Metadata.OwnerReferences);

        Assert.Equal("CronJob", owner.Kind);
        Assert.True(owner.Controller);
        Assert.Equal("manual", _job.Metadata.Annotations["cronjob.kubernetes.io/instantiate"]);
    }
}
