using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry;

/// <summary>
/// The field-selector fields each kind supports besides metadata.name/metadata.namespace, as upstream's per-kind
/// GetAttrs/field label conversion functions define them. A selector on any other field is a 400.
/// </summary>
public static class SelectableFields
{
    private static readonly KeyValuePair<string, string>[] None = [];

    public static IReadOnlySet<string> Supported(ResourceInfo r) => (r.Group, r.Resource) switch
    {
        ("", "pods") => new HashSet<string> { "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName" },
        ("", "events") => new HashSet<string> { "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type" },
        ("events.k8s.io", "events") => new HashSet<string> { "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion", "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type" },
        ("", "secrets") => new HashSet<string> { "type" },
        ("", "namespaces") => new HashSet<string> { "status.phase" },
        ("", "nodes") => new HashSet<string> { "spec.unschedulable" },
        ("", "replicationcontrollers") => new HashSet<string> { "status.replicas" },
        ("apps", "replicasets") => new HashSet<string> { "status.replicas" },
        ("batch", "jobs") => new HashSet<string> { "status.successful" },
        ("", "services") => new HashSet<string> { "spec.clusterIP", "spec.type" },
        ("", "persistentvolumeclaims") => new HashSet<string> { "status.phase" },
        _ => new HashSet<string>(),
    };

    public static KeyValuePair<string, string>[] Extract(object obj) => obj switch
    {
        V1Pod p =>
        [
            new("spec.nodeName", p.Spec?.NodeName ?? ""),
            new("spec.restartPolicy", p.Spec?.RestartPolicy ?? ""),
            new("spec.schedulerName", p.Spec?.SchedulerName ?? ""),
            new("spec.serviceAccountName", p.Spec?.ServiceAccountName ?? ""),
            new("spec.hostNetwork", p.Spec?.HostNetwork == true ? "true" : "false"),
            new("status.phase", p.Status?.Phase ?? ""),
            new("status.podIP", p.Status?.PodIP ?? ""),
            new("status.podIPs", p.Status?.PodIPs is { Count: > 0 } ips ? ips[0].Ip ?? "" : ""),
            new("status.nominatedNodeName", p.Status?.NominatedNodeName ?? ""),
        ],
        Corev1Event e =>
        [
            new("involvedObject.kind", e.InvolvedObject?.Kind ?? ""),
            new("involvedObject.namespace", e.InvolvedObject?.NamespaceProperty ?? ""),
            new("involvedObject.name", e.InvolvedObject?.Name ?? ""),
            new("involvedObject.uid", e.InvolvedObject?.Uid ?? ""),
            new("involvedObject.apiVersion", e.InvolvedObject?.ApiVersion ?? ""),
            new("involvedObject.resourceVersion", e.InvolvedObject?.ResourceVersion ?? ""),
            new("involvedObject.fieldPath", e.InvolvedObject?.FieldPath ?? ""),
            new("reason", e.Reason ?? ""),
            new("reportingComponent", e.ReportingComponent ?? ""),
            new("source", e.Source?.Component ?? ""),
            new("type", e.Type ?? ""),
        ],
        Eventsv1Event e =>
        [
            new("regarding.kind", e.Regarding?.Kind ?? ""),
            new("regarding.namespace", e.Regarding?.NamespaceProperty ?? ""),
            new("regarding.name", e.Regarding?.Name ?? ""),
            new("regarding.uid", e.Regarding?.Uid ?? ""),
            new("regarding.apiVersion", e.Regarding?.ApiVersion ?? ""),
            new("regarding.resourceVersion", e.Regarding?.ResourceVersion ?? ""),
            new("regarding.fieldPath", e.Regarding?.FieldPath ?? ""),
            new("reason", e.Reason ?? ""),
            new("reportingController", e.ReportingController ?? ""),
            new("type", e.Type ?? ""),
        ],
        V1Secret s => [new("type", s.Type ?? "")],
        V1Namespace n => [new("status.phase", n.Status?.Phase ?? "")],
        V1Node n => [new("spec.unschedulable", n.Spec?.Unschedulable == true ? "true" : "false")],
        V1ReplicationController rc => [new("status.replicas", (rc.Status?.Replicas ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture))],
        V1ReplicaSet rs => [new("status.replicas", (rs.Status?.Replicas ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture))],
        V1Job j => [new("status.successful", (j.Status?.Succeeded ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture))],
        V1Service s => [new("spec.clusterIP", s.Spec?.ClusterIP ?? ""), new("spec.type", s.Spec?.Type ?? "")],
        V1PersistentVolumeClaim c => [new("status.phase", c.Status?.Phase ?? "")],
        _ => None,
    };
}
