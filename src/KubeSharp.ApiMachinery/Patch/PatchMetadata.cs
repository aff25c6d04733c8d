using k8s.Models;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// The <c>patchMergeKey</c>/<c>patchStrategy</c> tags of upstream's built-in API types (k8s.io/api), which the C#
/// models do not carry. Keyed by the declaring model type and the JSON field name. Fields missing here are untagged:
/// their lists are atomic (replaced whole), e.g. tolerations, envFrom, resizePolicy, readinessGates, node taints,
/// container statuses and endpoint subsets, which upstream also leaves untagged.
/// </summary>
public static class PatchMetadata
{
    private static readonly PatchFieldMetadata s_mergeByName = new("name", PatchStrategy.Merge);
    private static readonly PatchFieldMetadata s_mergeByType = new("type", PatchStrategy.Merge);
    private static readonly PatchFieldMetadata s_mergeByIp = new("ip", PatchStrategy.Merge);
    private static readonly PatchFieldMetadata s_mergeRetainByName = new("name", PatchStrategy.Merge | PatchStrategy.RetainKeys);
    private static readonly PatchFieldMetadata s_mergePrimitives = new(null, PatchStrategy.Merge);

    private static readonly Dictionary<(Type Type, string Field), PatchFieldMetadata> s_table = Build();

    /// <summary>Every tagged (type, field) pair; tests check each names a real model property.</summary>
    public static IReadOnlyDictionary<(Type Type, string Field), PatchFieldMetadata> All => s_table;

    /// <summary>The field's tags, or <see cref="PatchFieldMetadata.None"/> when upstream declares none.</summary>
    public static PatchFieldMetadata Lookup(Type? declaringType, string jsonField) =>
        declaringType is not null && s_table.TryGetValue((declaringType, jsonField), out var metadata)
            ? metadata
            : PatchFieldMetadata.None;

    private static Dictionary<(Type, string), PatchFieldMetadata> Build()
    {
        var table = new Dictionary<(Type, string), PatchFieldMetadata>
        {
            [(typeof(V1ObjectMeta), "finalizers")] = s_mergePrimitives,
            [(typeof(V1ObjectMeta), "ownerReferences")] = new("uid", PatchStrategy.Merge),

            [(typeof(V1PodSpec), "volumes")] = s_mergeRetainByName,
            [(typeof(V1PodSpec), "initContainers")] = s_mergeByName,
            [(typeof(V1PodSpec), "containers")] = s_mergeByName,
            [(typeof(V1PodSpec), "ephemeralContainers")] = s_mergeByName,
            [(typeof(V1PodSpec), "imagePullSecrets")] = s_mergeByName,
            [(typeof(V1PodSpec), "hostAliases")] = s_mergeByIp,
            [(typeof(V1PodSpec), "topologySpreadConstraints")] = new("topologyKey", PatchStrategy.Merge),
            [(typeof(V1PodSpec), "schedulingGates")] = s_mergeByName,
            [(typeof(V1PodSpec), "resourceClaims")] = s_mergeRetainByName,

            [(typeof(V1PodStatus), "conditions")] = s_mergeByType,
            [(typeof(V1PodStatus), "podIPs")] = s_mergeByIp,
            [(typeof(V1PodStatus), "hostIPs")] = s_mergeByIp,
            [(typeof(V1PodStatus), "resourceClaimStatuses")] = s_mergeRetainByName,

            [(typeof(V1NodeSpec), "podCIDRs")] = s_mergePrimitives,
            [(typeof(V1NodeStatus), "conditions")] = s_mergeByType,
            [(typeof(V1NodeStatus), "addresses")] = s_mergeByType,

            [(typeof(V1ServiceSpec), "ports")] = new("port", PatchStrategy.Merge),
            [(typeof(V1ServiceStatus), "conditions")] = s_mergeByType,
            [(typeof(V1ServiceAccount), "secrets")] = s_mergeByName,
            [(typeof(V1NamespaceStatus), "conditions")] = s_mergeByType,
            [(typeof(V1PersistentVolumeClaimStatus), "conditions")] = s_mergeByType,
            [(typeof(V1ReplicationControllerStatus), "conditions")] = s_mergeByType,

            [(typeof(V1DeploymentSpec), "strategy")] = new(null, PatchStrategy.RetainKeys),
            [(typeof(V1DeploymentStatus), "conditions")] = s_mergeByType,
            [(typeof(V1ReplicaSetStatus), "conditions")] = s_mergeByType,
            [(typeof(V1DaemonSetStatus), "conditions")] = s_mergeByType,
            [(typeof(V1StatefulSetStatus), "conditions")] = s_mergeByType,
            [(typeof(V1JobStatus), "conditions")] = s_mergeByType,
            [(typeof(V2HorizontalPodAutoscalerStatus), "conditions")] = s_mergeByType,
            [(typeof(V1PodDisruptionBudgetStatus), "conditions")] = s_mergeByType,
            [(typeof(V1ComponentStatus), "conditions")] = s_mergeByType,

            [(typeof(V1CSINodeSpec), "drivers")] = s_mergeByName,
            [(typeof(V1ValidatingWebhookConfiguration), "webhooks")] = s_mergeByName,
            [(typeof(V1MutatingWebhookConfiguration), "webhooks")] = s_mergeByName,
        };

        // Container and EphemeralContainer share upstream's field tags.
        foreach (var container in new[] { typeof(V1Container), typeof(V1EphemeralContainer) })
        {
            table[(container, "ports")] = new("containerPort", PatchStrategy.Merge);
            table[(container, "env")] = s_mergeByName;
            table[(container, "volumeMounts")] = new("mountPath", PatchStrategy.Merge);
            table[(container, "volumeDevices")] = new("devicePath", PatchStrategy.Merge);
        }

        return table;
    }
}
