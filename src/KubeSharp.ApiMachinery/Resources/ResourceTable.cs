using k8s.Models;

namespace KubeSharp.ApiMachinery.Resources;

/// <summary>
/// Every resource the API server serves, with upstream 1.32's discovery facts (verbs, short names, categories,
/// subresources). Generic machinery (registry, discovery, OpenAPI, tables) iterates this table; nothing else
/// hard-codes a list of kinds.
/// </summary>
public static class ResourceTable
{
    private static readonly string[] All = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] NoCollectionDelete = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] CreateOnly = ["create"];
    private static readonly string[] GetPatchUpdate = ["get", "patch", "update"];
    private static readonly string[] InAll = ["all"];
    private static readonly string[] None = [];

    public static IReadOnlyList<ResourceInfo> Resources { get; } = Build();

    private static readonly Dictionary<(string Group, string Resource), ResourceInfo> ByResource =
        Resources.ToDictionary(r => (r.Group, r.Resource));

    private static readonly Dictionary<(string Group, string Kind), ResourceInfo> ByKind =
        Resources.GroupBy(r => (r.Group, r.Kind)).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The groups in discovery order; the core group ("") first.</summary>
    public static IReadOnlyList<string> Groups { get; } = Resources.Select(r => r.Group).Distinct().ToArray();

    public static ResourceInfo? Find(string group, string resource) =>
        ByResource.GetValueOrDefault((group, resource));

    public static ResourceInfo? FindByKind(string group, string kind) =>
        ByKind.GetValueOrDefault((group, kind));

    private static SubresourceInfo Status(string group, string kind) => new("status", group, "v1", kind, GetPatchUpdate);

    private static SubresourceInfo Scale() => new("scale", "autoscaling", "v1", "Scale", GetPatchUpdate);

    private static ResourceInfo Core<T, TList>(string resource, string singular, string kind, bool namespaced,
        string[]? verbs = null, string[]? shortNames = null, string[]? categories = null, params SubresourceInfo[] subresources) =>
        new("", "v1", resource, singular, kind, namespaced, typeof(T), typeof(TList), verbs ?? All, shortNames ?? None,
            categories ?? None, subresources);

    private static ResourceInfo Grouped<T, TList>(string group, string resource, string singular, string kind, bool namespaced,
        string[]? verbs = null, string[]? shortNames = null, string[]? categories = null, params SubresourceInfo[] subresources) =>
        new(group, "v1", resource, singular, kind, namespaced, typeof(T), typeof(TList), verbs ?? All, shortNames ?? None,
            categories ?? None, subresources);

    private static List<ResourceInfo> Build()
    {
        const string apps = "apps";
        const string batch = "batch";
        return
        [
            Core<V1Binding, V1Binding>("bindings", "binding", "Binding", true, CreateOnly),
            Core<V1ConfigMap, V1ConfigMapList>("configmaps", "configmap", "ConfigMap", true, shortNames: ["cm"]),
            Core<V1Endpoints, V1EndpointsList>("endpoints", "endpoints", "Endpoints", true, shortNames: ["ep"]),
            Core<Corev1Event, Corev1EventList>("events", "event", "Event", true, shortNames: ["ev"]),
            Core<V1LimitRange, V1LimitRangeList>("limitranges", "limitrange", "LimitRange", true, shortNames: ["limits"]),
            Core<V1Namespace, V1NamespaceList>("namespaces", "namespace", "Namespace", false, NoCollectionDelete, ["ns"], null,
                new SubresourceInfo("finalize", "", "v1", "Namespace", ["update"]), Status("", "Namespace")),
            Core<V1Node, V1NodeList>("nodes", "node", "Node", false, shortNames: ["no"], subresources:
                [new SubresourceInfo("proxy", "", "v1", "NodeProxyOptions", ["create", "delete", "get", "patch", "update"]), Status("", "Node")]),
            Core<V1PersistentVolumeClaim, V1PersistentVolumeClaimList>("persistentvolumeclaims", "persistentvolumeclaim",
                "PersistentVolumeClaim", true, shortNames: ["pvc"], subresources: [Status("", "PersistentVolumeClaim")]),
            Core<V1PersistentVolume, V1PersistentVolumeList>("persistentvolumes", "persistentvolume", "PersistentVolume", false,
                shortNames: ["pv"], subresources: [Status("", "PersistentVolume")]),
            Core<V1Pod, V1PodList>("pods", "pod", "Pod", true, shortNames: ["po"], categories: InAll, subresources:
            [
                new SubresourceInfo("attach", "", "v1", "PodAttachOptions", ["create", "get"]),
                new SubresourceInfo("binding", "", "v1", "Binding", CreateOnly),
                new SubresourceInfo("eviction", "policy", "v1", "Eviction", CreateOnly),
                new SubresourceInfo("exec", "", "v1", "PodExecOptions", ["create", "get"]),
                new SubresourceInfo("log", "", "v1", "Pod", ["get"]),
                new SubresourceInfo("portforward", "", "v1", "PodPortForwardOptions", ["create", "get"]),
                Status("", "Pod"),
            ]),
            Core<V1PodTemplate, V1PodTemplateList>("podtemplates", "podtemplate", "PodTemplate", true),
            Core<V1ReplicationController, V1ReplicationControllerList>("replicationcontrollers", "replicationcontroller",
                "ReplicationController", true, shortNames: ["rc"], categories: InAll, subresources: [Scale(), Status("", "ReplicationController")]),
            Core<V1ResourceQuota, V1ResourceQuotaList>("resourcequotas", "resourcequota", "ResourceQuota", true,
                shortNames: ["quota"], subresources: [Status("", "ResourceQuota")]),
            Core<V1Secret, V1SecretList>("secrets", "secret", "Secret", true),
            Core<V1ServiceAccount, V1ServiceAccountList>("serviceaccounts", "serviceaccount", "ServiceAccount", true,
                shortNames: ["sa"], subresources: [new SubresourceInfo("token", "authentication.k8s.io", "v1", "TokenRequest", CreateOnly)]),
            Core<V1Service, V1ServiceList>("services", "service", "Service", true, shortNames: ["svc"], categories: InAll,
                subresources: [Status("", "Service")]),

            Grouped<V1ControllerRevision, V1ControllerRevisionList>(apps, "controllerrevisions", "controllerrevision", "ControllerRevision", true),
            Grouped<V1DaemonSet, V1DaemonSetList>(apps, "daemonsets", "daemonset", "DaemonSet", true, shortNames: ["ds"],
                categories: InAll, subresources: [Status(apps, "DaemonSet")]),
            Grouped<V1Deployment, V1DeploymentList>(apps, "deployments", "deployment", "Deployment", true, shortNames: ["deploy"],
                categories: InAll, subresources: [Scale(), Status(apps, "Deployment")]),
            Grouped<V1ReplicaSet, V1ReplicaSetList>(apps, "replicasets", "replicaset", "ReplicaSet", true, shortNames: ["rs"],
                categories: InAll, subresources: [Scale(), Status(apps, "ReplicaSet")]),
            Grouped<V1StatefulSet, V1StatefulSetList>(apps, "statefulsets", "statefulset", "StatefulSet", true, shortNames: ["sts"],
                categories: InAll, subresources: [Scale(), Status(apps, "StatefulSet")]),

            Grouped<V1CronJob, V1CronJobList>(batch, "cronjobs", "cronjob", "CronJob", true, shortNames: ["cj"], categories: InAll,
                subresources: [Status(batch, "CronJob")]),
            Grouped<V1Job, V1JobList>(batch, "jobs", "job", "Job", true, categories: InAll, subresources: [Status(batch, "Job")]),

            Grouped<V1PodDisruptionBudget, V1PodDisruptionBudgetList>("policy", "poddisruptionbudgets", "poddisruptionbudget",
                "PodDisruptionBudget", true, shortNames: ["pdb"], subresources: [Status("policy", "PodDisruptionBudget")]),
            Grouped<V1Lease, V1LeaseList>("coordination.k8s.io", "leases", "lease", "Lease", true),
            Grouped<V1EndpointSlice, V1EndpointSliceList>("discovery.k8s.io", "endpointslices", "endpointslice", "EndpointSlice", true),
            Grouped<Eventsv1Event, Eventsv1EventList>("events.k8s.io", "events", "event", "Event", true, shortNames: ["ev"]),
            Grouped<V1PriorityClass, V1PriorityClassList>("scheduling.k8s.io", "priorityclasses", "priorityclass", "PriorityClass", false,
                shortNames: ["pc"]),
            Grouped<V1SelfSubjectAccessReview, V1SelfSubjectAccessReview>("authorization.k8s.io", "selfsubjectaccessreviews",
                "selfsubjectaccessreview", "SelfSubjectAccessReview", false, CreateOnly),
        ];
    }
}
