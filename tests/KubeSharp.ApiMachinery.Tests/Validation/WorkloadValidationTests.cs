using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Validation.Fixtures;
using static KubeSharp.ApiMachinery.Tests.Validation.ValidationCase;

namespace KubeSharp.ApiMachinery.Tests.Validation;

public class WorkloadValidationTests
{
    private const string Mismatch = "`selector` does not match template `labels`";

    private static readonly ValidationCase[] Cases =
    [
        Create("valid rc", () => Rc()),
        Create("rc selector required", () => Rc(r => { r.Spec.Selector = null; r.Spec.Template.Metadata.Labels = null; }),
            "spec.selector: Required value"),
        Create("rc selector must match template labels", () => Rc(r => r.Spec.Selector = new Dictionary<string, string> { ["app"] = "db" }),
            $"spec.template.metadata.labels: Invalid value: map[string]string{{\"app\":\"web\"}}: {Mismatch}"),
        Create("rc replicas non-negative", () => Rc(r => r.Spec.Replicas = -1),
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
        Create("rc template restartPolicy Always", () => Rc(r => r.Spec.Template.Spec.RestartPolicy = "Never"),
            "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
        Create("valid replicaset", () => ReplicaSet()),
        Create("replicaset selector required", () => ReplicaSet(r => r.Spec.Selector = null),
            "spec.selector: Required value", $"spec.template.metadata.labels: Invalid value: map[string]string{{\"app\":\"web\"}}: {Mismatch}"),
        Create("replicaset empty selector invalid", () => ReplicaSet(r => r.Spec.Selector = new V1LabelSelector()),
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"),
        Create("replicaset template activeDeadlineSeconds forbidden", () => ReplicaSet(r => r.Spec.Template.Spec.ActiveDeadlineSeconds = 10),
            "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"),
        Create("valid deployment", () => Deployment()),
        Create("deployment selector must match template labels", () => Deployment(d => d.Spec.Selector.MatchLabels["app"] = "db"),
            $"spec.template.metadata.labels: Invalid value: map[string]string{{\"app\":\"web\"}}: {Mismatch}"),
        Create("deployment matchExpressions honoured", () => Deployment(d => d.Spec.Selector = new V1LabelSelector
        {
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "app", OperatorProperty = "In", Values = ["web", "api"] }],
        })),
        Create("deployment selector operator checked", () => Deployment(d => d.Spec.Selector.MatchExpressions = [new V1LabelSelectorRequirement { Key = "app", OperatorProperty = "Near" }]),
            "spec.selector.matchExpressions[0].operator: Invalid value: \"Near\": not a valid selector operator",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"Near\", Values:[]string(nil)}}}: invalid label selector"),
        Create("deployment strategy type enum", () => Deployment(d => { d.Spec.Strategy.Type = "Canary"; d.Spec.Strategy.RollingUpdate = null; }),
            "spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"Canary\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\""),
        Create("deployment Recreate forbids rollingUpdate", () => Deployment(d => d.Spec.Strategy.Type = "Recreate"),
            "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"),
        Create("deployment maxSurge and maxUnavailable not both 0", () => Deployment(d => { d.Spec.Strategy.RollingUpdate.MaxSurge = 0; d.Spec.Strategy.RollingUpdate.MaxUnavailable = "0%"; }),
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0"),
        Create("deployment maxUnavailable at most 100%", () => Deployment(d => d.Spec.Strategy.RollingUpdate.MaxUnavailable = "150%"),
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%"),
        Create("deployment percent format", () => Deployment(d => d.Spec.Strategy.RollingUpdate.MaxSurge = "lots"),
            "spec.strategy.rollingUpdate.maxSurge: Invalid value: lots: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"),
        Create("deployment progressDeadline > minReadySeconds", () => Deployment(d => { d.Spec.MinReadySeconds = 700; }),
            "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"),
        Update("deployment selector immutable", () => Deployment(), () => Deployment(d =>
        {
            d.Spec.Selector.MatchLabels["tier"] = "fe";
            d.Spec.Template.Metadata.Labels["tier"] = "fe";
        }), "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"tier\":\"fe\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"),
        Update("deployment replicas may change", () => Deployment(), () => Deployment(d => d.Spec.Replicas = 5)),
        Create("valid daemonset", () => DaemonSet()),
        Create("daemonset selector must match", () => DaemonSet(d => d.Spec.Selector.MatchLabels["app"] = "db"),
            $"spec.template.metadata.labels: Invalid value: map[string]string{{\"app\":\"web\"}}: {Mismatch}"),
        Create("daemonset maxSurge and maxUnavailable exclusive", () => DaemonSet(d => d.Spec.UpdateStrategy.RollingUpdate.MaxSurge = 1),
            "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"),
        Create("daemonset update strategy enum", () => DaemonSet(d => { d.Spec.UpdateStrategy.Type = "Blue"; d.Spec.UpdateStrategy.RollingUpdate = null; }),
            "spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:\"Blue\", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: \"RollingUpdate\", \"OnDelete\""),
        Update("daemonset selector immutable", () => DaemonSet(), () => DaemonSet(d => { d.Spec.Selector.MatchLabels["x"] = "y"; d.Spec.Template.Metadata.Labels["x"] = "y"; }),
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"x\":\"y\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"),
        Create("valid statefulset", () => StatefulSet()),
        Create("statefulset podManagementPolicy", () => StatefulSet(s => s.Spec.PodManagementPolicy = "Random"),
            "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"),
        Create("statefulset empty selector", () => StatefulSet(s => s.Spec.Selector = new V1LabelSelector()),
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset"),
        Update("statefulset other spec fields forbidden", () => StatefulSet(), () => StatefulSet(s => s.Spec.ServiceName = "other"),
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"),
        Update("statefulset replicas and template may change", () => StatefulSet(), () => StatefulSet(s => { s.Spec.Replicas = 3; s.Spec.Template.Spec.Containers[0].Image = "nginx:2"; })),
        Create("valid job", () => Job()),
        Create("job restartPolicy Always rejected", () => Job(j => j.Spec.Template.Spec.RestartPolicy = "Always"),
            "spec.template.spec.restartPolicy: Required value: valid values: [\"OnFailure\" \"Never\"]"),
        Create("job negative counts", () => Job(j => { j.Spec.Parallelism = -1; j.Spec.Completions = -2; j.Spec.BackoffLimit = -3; }),
            "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
            "spec.completions: Invalid value: -2: must be greater than or equal to 0",
            "spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0"),
        Create("job completionMode enum", () => Job(j => j.Spec.CompletionMode = "Sometimes"),
            "spec.completionMode: Unsupported value: \"Sometimes\": supported values: \"NonIndexed\", \"Indexed\""),
        Create("job selector required", () => Job(j => j.Spec.Selector = null),
            "spec.selector: Required value",
            $"spec.template.metadata.labels: Invalid value: map[string]string{{\"batch.kubernetes.io/controller-uid\":\"1111-2222\", \"batch.kubernetes.io/job-name\":\"pi\", \"controller-uid\":\"1111-2222\", \"job-name\":\"pi\"}}: {Mismatch}"),
        Create("job generated selector must select its uid", () => Job(j => j.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"] = "other"),
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"batch.kubernetes.io/controller-uid\":\"other\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated",
            $"spec.template.metadata.labels: Invalid value: map[string]string{{\"batch.kubernetes.io/controller-uid\":\"1111-2222\", \"batch.kubernetes.io/job-name\":\"pi\", \"controller-uid\":\"1111-2222\", \"job-name\":\"pi\"}}: {Mismatch}"),
        Create("job generated labels must be present", () => Job(j => j.Spec.Template.Metadata.Labels.Remove("job-name")),
            "spec.template.metadata.labels[job-name]: Required value: must be 'pi'"),
        Update("job template immutable", () => Job(), () => Job(j => j.Spec.Template.Spec.Containers[0].Image = "perl:2"),
            "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable"),
        Update("job selector immutable", () => Job(), () => Job(j => j.Spec.Selector.MatchLabels["x"] = "y"),
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"batch.kubernetes.io/controller-uid\":\"1111-2222\", \"x\":\"y\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
            $"spec.template.metadata.labels: Invalid value: map[string]string{{\"batch.kubernetes.io/controller-uid\":\"1111-2222\", \"batch.kubernetes.io/job-name\":\"pi\", \"controller-uid\":\"1111-2222\", \"job-name\":\"pi\"}}: {Mismatch}"),
        Update("job suspend may change", () => Job(), () => Job(j => j.Spec.Suspend = true)),
        Create("valid cronjob", () => CronJob()),
        Create("cronjob descriptor schedule", () => CronJob(c => c.Spec.Schedule = "@hourly")),
        Create("cronjob schedule required", () => CronJob(c => c.Spec.Schedule = ""), "spec.schedule: Required value"),
        Create("cronjob schedule parsed", () => CronJob(c => c.Spec.Schedule = "61 * * * *"),
            "spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"),
        Create("cronjob TZ in schedule rejected", () => CronJob(c => c.Spec.Schedule = "TZ=UTC 0 * * * *"),
            "spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"),
        Create("cronjob unknown timeZone", () => CronJob(c => c.Spec.TimeZone = "Mars/Olympus"),
            "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus"),
        Create("cronjob UTC timeZone", () => CronJob(c => c.Spec.TimeZone = "UTC")),
        Create("cronjob IANA timeZone", () => CronJob(c => c.Spec.TimeZone = "Europe/Berlin")),
        Create("cronjob Local timeZone rejected", () => CronJob(c => c.Spec.TimeZone = "Local"),
            "spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"),
        Create("cronjob concurrencyPolicy enum", () => CronJob(c => c.Spec.ConcurrencyPolicy = "Sometimes"),
            "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\""),
        Create("cronjob job template restartPolicy", () => CronJob(c => c.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy = "Always"),
            "spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: [\"OnFailure\" \"Never\"]"),
        Create("cronjob name at most 52 characters", () => CronJob(c => c.Metadata.Name = new string('a', 53)),
            $"metadata.name: Invalid value: \"{new string('a', 53)}\": must be no more than 52 characters"),
        Create("valid pod template", () => new V1PodTemplate { Metadata = Meta("tpl"), Template = Defaulted(new V1PodTemplate { Template = Template() }, null).Template }),
    ];

    public static TheoryData<string> Names => CaseRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name) => CaseRunner.Run(Cases, name);
}
