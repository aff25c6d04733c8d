using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Defaulting.DefaultingCase;

namespace KubeSharp.ApiMachinery.Tests.Defaulting;

public class WorkloadDefaultingTests
{
    private static V1PodTemplateSpec Template() => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx" }] },
    };

    private static V1ObjectMeta Meta() => new() { Name = "web", NamespaceProperty = "default" };

    private static V1ReplicationController Rc() => new() { Metadata = Meta(), Spec = new V1ReplicationControllerSpec { Template = Template() } };
    private static V1ReplicaSet Rs() => new() { Metadata = Meta(), Spec = new V1ReplicaSetSpec { Template = Template() } };
    private static V1Deployment Deploy() => new() { Metadata = Meta(), Spec = new V1DeploymentSpec { Template = Template() } };
    private static V1DaemonSet Ds() => new() { Metadata = Meta(), Spec = new V1DaemonSetSpec { Template = Template() } };
    private static V1StatefulSet Sts() => new() { Metadata = Meta(), Spec = new V1StatefulSetSpec { Template = Template() } };
    private static V1Job Job() => new() { Metadata = Meta(), Spec = new V1JobSpec { Template = Template() } };
    private static V1CronJob CronJob() => new()
    {
        Metadata = Meta(),
        Spec = new V1CronJobSpec { Schedule = "@hourly", JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = Template() } } },
    };

    private static readonly DefaultingCase[] Cases =
    [
        Row("rc selector from template labels", Rc, r => r.Spec.Selector, "{\"app\":\"web\"}"),
        Row("rc labels from template labels", Rc, r => r.Metadata.Labels, "{\"app\":\"web\"}"),
        Row("rc replicas 1", Rc, r => r.Spec.Replicas, "1"),
        Row("rc template pod spec defaulted", Rc, r => r.Spec.Template.Spec.RestartPolicy, "\"Always\""),
        Row("rc explicit selector kept", () => { var r = Rc(); r.Spec.Selector = new Dictionary<string, string> { ["x"] = "y" }; return r; }, r => r.Spec.Selector, "{\"x\":\"y\"}"),
        Row("templates do not get enableServiceLinks", Rc, r => r.Spec.Template.Spec.EnableServiceLinks, "null"),
        Row("replicaset replicas 1", Rs, r => r.Spec.Replicas, "1"),
        Row("replicaset template pull policy", Rs, r => r.Spec.Template.Spec.Containers[0].ImagePullPolicy, "\"Always\""),
        Row("deployment replicas 1", Deploy, d => d.Spec.Replicas, "1"),
        Row("deployment strategy RollingUpdate 25%/25%", Deploy, d => d.Spec.Strategy,
            "{\"rollingUpdate\":{\"maxSurge\":\"25%\",\"maxUnavailable\":\"25%\"},\"type\":\"RollingUpdate\"}"),
        Row("deployment Recreate gets no rollingUpdate", () => { var d = Deploy(); d.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" }; return d; },
            d => d.Spec.Strategy, "{\"type\":\"Recreate\"}"),
        Row("deployment revisionHistoryLimit 10", Deploy, d => d.Spec.RevisionHistoryLimit, "10"),
        Row("deployment progressDeadlineSeconds 600", Deploy, d => d.Spec.ProgressDeadlineSeconds, "600"),
        Row("daemonset updateStrategy RollingUpdate 1/0", Ds, d => d.Spec.UpdateStrategy,
            "{\"rollingUpdate\":{\"maxSurge\":0,\"maxUnavailable\":1},\"type\":\"RollingUpdate\"}"),
        Row("daemonset revisionHistoryLimit 10", Ds, d => d.Spec.RevisionHistoryLimit, "10"),
        Row("statefulset podManagementPolicy OrderedReady", Sts, s => s.Spec.PodManagementPolicy, "\"OrderedReady\""),
        Row("statefulset updateStrategy RollingUpdate partition 0", Sts, s => s.Spec.UpdateStrategy, "{\"rollingUpdate\":{\"partition\":0},\"type\":\"RollingUpdate\"}"),
        Row("statefulset PVC retention Retain/Retain", Sts, s => s.Spec.PersistentVolumeClaimRetentionPolicy, "{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"}"),
        Row("statefulset replicas and history", Sts, s => new[] { s.Spec.Replicas, s.Spec.RevisionHistoryLimit }, "[1,10]"),
        Row("statefulset volumeClaimTemplates defaulted", () =>
        {
            var s = Sts();
            s.Spec.VolumeClaimTemplates = [new V1PersistentVolumeClaim { Metadata = new V1ObjectMeta { Name = "data" }, Spec = new V1PersistentVolumeClaimSpec() }];
            return s;
        }, s => new[] { s.Spec.VolumeClaimTemplates[0].Spec.VolumeMode, s.Spec.VolumeClaimTemplates[0].Status.Phase }, "[\"Filesystem\",\"Pending\"]"),
        Row("job parallelism and completions 1", Job, j => new[] { j.Spec.Parallelism, j.Spec.Completions }, "[1,1]"),
        Row("job completions stay unset when parallelism given", () => { var j = Job(); j.Spec.Parallelism = 3; return j; },
            j => new[] { j.Spec.Parallelism, j.Spec.Completions }, "[3,null]"),
        Row("job backoffLimit 6", Job, j => j.Spec.BackoffLimit, "6"),
        Row("job completionMode NonIndexed", Job, j => j.Spec.CompletionMode, "\"NonIndexed\""),
        Row("job suspend false", Job, j => j.Spec.Suspend, "false"),
        Row("job podReplacementPolicy TerminatingOrFailed", Job, j => j.Spec.PodReplacementPolicy, "\"TerminatingOrFailed\""),
        Row("job manualSelector unset", Job, j => j.Spec.ManualSelector, "null"),
        Row("job labels from template", Job, j => j.Metadata.Labels, "{\"app\":\"web\"}"),
        Row("job selector generated once the uid is known", () => { var j = Job(); j.Metadata.Uid = "u-1"; return j; },
            j => j.Spec.Selector.MatchLabels, "{\"batch.kubernetes.io/controller-uid\":\"u-1\"}"),
        Row("job selector not generated with manualSelector", () => { var j = Job(); j.Metadata.Uid = "u-1"; j.Spec.ManualSelector = true; return j; },
            j => j.Spec.Selector, "null"),
        Row("cronjob concurrencyPolicy Allow", CronJob, c => c.Spec.ConcurrencyPolicy, "\"Allow\""),
        Row("cronjob suspend false", CronJob, c => c.Spec.Suspend, "false"),
        Row("cronjob history limits 3/1", CronJob, c => new[] { c.Spec.SuccessfulJobsHistoryLimit, c.Spec.FailedJobsHistoryLimit }, "[3,1]"),
        Row("cronjob job template pod spec defaulted", CronJob, c => c.Spec.JobTemplate.Spec.Template.Spec.DnsPolicy, "\"ClusterFirst\""),
        Row("cronjob job template spec not job-defaulted", CronJob, c => c.Spec.JobTemplate.Spec.BackoffLimit, "null"),
        Row("pod template defaulted", () => new V1PodTemplate { Metadata = Meta(), Template = Template() }, t => t.Template.Spec.SchedulerName, "\"default-scheduler\""),
    ];

    public static TheoryData<string> Names => DefaultingRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Defaults(string name) => DefaultingRunner.Run(Cases, name);
}
