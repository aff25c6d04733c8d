using k8s.Models;
using static KubeSharp.ApiMachinery.Tests.Validation.Fixtures;
using static KubeSharp.ApiMachinery.Tests.Validation.ValidationCase;

namespace KubeSharp.ApiMachinery.Tests.Validation;

/// <summary>ResourceQuota, LimitRange, PriorityClass, Lease, Events, PV/PVC rules.</summary>
public class PolicyObjectValidationTests
{
    private static Dictionary<string, ResourceQuantity> Q(params (string Name, string Value)[] items) =>
        items.ToDictionary(i => i.Name, i => new ResourceQuantity(i.Value));

    private static V1LimitRange Limits(V1LimitRangeItem item) => Defaulted(new V1LimitRange { Metadata = Meta("lr"), Spec = new V1LimitRangeSpec { Limits = [item] } }, null);

    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly ValidationCase[] Cases =
    [
        Create("valid quota", () => new V1ResourceQuota { Metadata = Meta("q"), Spec = new V1ResourceQuotaSpec { Hard = Q(("pods", "10"), ("requests.cpu", "4"), ("count/deployments.apps", "5")) } }),
        Create("quota resource must be standard", () => new V1ResourceQuota { Metadata = Meta("q"), Spec = new V1ResourceQuotaSpec { Hard = Q(("widgets", "1")) } },
            "spec.hard[widgets]: Invalid value: \"widgets\": must be a standard resource type or fully qualified"),
        Create("quota quantity non-negative", () => new V1ResourceQuota { Metadata = Meta("q"), Spec = new V1ResourceQuotaSpec { Hard = Q(("cpu", "-1")) } },
            "spec.hard[cpu]: Invalid value: \"-1\": must be greater than or equal to 0"),
        Create("quota object counts are integers", () => new V1ResourceQuota { Metadata = Meta("q"), Spec = new V1ResourceQuotaSpec { Hard = Q(("pods", "1500m")) } },
            "spec.hard[pods]: Invalid value: 1500m: must be an integer"),
        Create("valid limitrange", () => Limits(new V1LimitRangeItem { Type = "Container", Max = Q(("cpu", "2")), Min = Q(("cpu", "100m")) })),
        Create("limitrange type standard", () => Limits(new V1LimitRangeItem { Type = "Widget" }),
            "spec.limits[0].type: Invalid value: \"Widget\": must be a standard limit type or fully qualified"),
        Create("limitrange min above max", () => Limits(new V1LimitRangeItem { Type = "Pod", Max = Q(("cpu", "1")), Min = Q(("cpu", "2")) }),
            "spec.limits[0].min[cpu]: Invalid value: 2: min value 2 is greater than max value 1"),
        Create("limitrange default above max", () => Limits(new V1LimitRangeItem { Type = "Container", Max = Q(("memory", "1Gi")), DefaultProperty = Q(("memory", "2Gi")) }),
            "spec.limits[0].default[memory]: Invalid value: 1Gi: default value 2Gi is greater than max value 1Gi",
            // Defaulting copied the default limit into defaultRequest, which is checked too (as upstream).
            "spec.limits[0].defaultRequest[memory]: Invalid value: 2Gi: default request value 2Gi is greater than max value 1Gi"),
        Create("limitrange pod defaults forbidden", () => Limits(new V1LimitRangeItem { Type = "Pod", DefaultProperty = Q(("cpu", "1")) }),
            "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'"),
        Create("valid priorityclass", () => Defaulted(new V1PriorityClass { Metadata = Meta("high", null), Value = 1000 }, null)),
        Create("priorityclass user value capped", () => Defaulted(new V1PriorityClass { Metadata = Meta("high", null), Value = 1_000_000_001 }, null),
            "value: Forbidden: maximum allowed value of a user defined priority is 1000000000"),
        Create("priorityclass system prefix reserved", () => Defaulted(new V1PriorityClass { Metadata = Meta("system-mine", null), Value = 5 }, null),
            "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"),
        Create("priorityclass known system class", () => Defaulted(new V1PriorityClass { Metadata = Meta("system-node-critical", null), Value = 2_000_001_000 }, null)),
        Update("priorityclass value immutable", () => Defaulted(new V1PriorityClass { Metadata = Meta("high", null), Value = 1 }, null),
            () => Defaulted(new V1PriorityClass { Metadata = Meta("high", null), Value = 2 }, null),
            "value: Forbidden: may not be changed in an update."),
        Create("valid lease", () => new V1Lease { Metadata = Meta("lock", "kube-system"), Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15 } }),
        Create("lease duration positive", () => new V1Lease { Metadata = Meta("lock", "kube-system"), Spec = new V1LeaseSpec { LeaseDurationSeconds = 0 } },
            "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"),
        Create("valid core event", () => new Corev1Event
        {
            Metadata = Meta("web.17a8b9c0d1e2f3a4"), InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "web", NamespaceProperty = "default" },
            Reason = "Started", Message = "ok",
        }),
        Create("core event involvedObject namespace must match", () => new Corev1Event
        {
            Metadata = Meta("web.1"), InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "web", NamespaceProperty = "other" },
        }, "involvedObject.namespace: Invalid value: \"other\": does not match event.namespace"),
        Create("core event about cluster object may live in default", () => new Corev1Event
        {
            Metadata = Meta("node.1"), InvolvedObject = new V1ObjectReference { Kind = "Node", Name = "node-1" },
        }),
        Create("core event name is a path segment", () => new Corev1Event { Metadata = Meta("a/b"), InvolvedObject = new V1ObjectReference { NamespaceProperty = "default" } },
            "metadata.name: Invalid value: \"a/b\": may not contain '/'"),
        Create("valid events.k8s.io event", () => new Eventsv1Event
        {
            Metadata = Meta("web.1"), EventTime = Now, Type = "Normal", Reason = "Started", Action = "Start",
            ReportingController = "kubesharp.io/kubelet", ReportingInstance = "node-1",
            Regarding = new V1ObjectReference { Kind = "Pod", Name = "web", NamespaceProperty = "default" },
        }),
        Create("events.k8s.io event needs reporting fields", () => new Eventsv1Event
        {
            Metadata = Meta("web.1"), EventTime = Now, Type = "Normal",
            Regarding = new V1ObjectReference { Kind = "Pod", Name = "web", NamespaceProperty = "default" },
        },
            "reportingController: Required value",
            "reportingController: Invalid value: \"\": name part must be non-empty",
            "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            "reportingInstance: Required value", "action: Required value", "reason: Required value"),
        Create("valid pvc", () => Defaulted(new V1PersistentVolumeClaim
        {
            Metadata = Meta("data"),
            Spec = new V1PersistentVolumeClaimSpec { AccessModes = ["ReadWriteOnce"], Resources = new V1VolumeResourceRequirements { Requests = Q(("storage", "1Gi")) } },
        }, null)),
        Create("pvc needs access mode and storage", () => Defaulted(new V1PersistentVolumeClaim { Metadata = Meta("data"), Spec = new V1PersistentVolumeClaimSpec() }, null),
            "spec.accessModes: Required value: at least 1 access mode is required", "spec.resources[storage]: Required value"),
        Create("valid pv", () => Defaulted(new V1PersistentVolume
        {
            Metadata = Meta("pv1", null),
            Spec = new V1PersistentVolumeSpec { AccessModes = ["ReadWriteOnce"], Capacity = Q(("storage", "1Gi")), HostPath = new V1HostPathVolumeSource { Path = "/data" } },
        }, null)),
    ];

    public static TheoryData<string> Names => CaseRunner.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name) => CaseRunner.Run(Cases, name);
}
