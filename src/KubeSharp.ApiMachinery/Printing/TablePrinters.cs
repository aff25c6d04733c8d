using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// The table printer of each served resource, keyed by its k8s.Models type; resources upstream has no printer for
/// (limitranges, bindings, selfsubjectaccessreviews, ...) get the default NAME / CREATED AT table. Printers are
/// built on first use and shared: they are stateless.
/// </summary>
public static class TablePrinters
{
    private static readonly Dictionary<Type, Lazy<ITablePrinter>> _byModelType = new()
    {
        [typeof(V1Pod)] = new(PodPrinter.Create),
        [typeof(V1Node)] = new(NodePrinter.Create),
        [typeof(V1Namespace)] = new(NamespacePrinter.Create),
        [typeof(V1Service)] = new(ServicePrinter.Create),
        [typeof(V1Endpoints)] = new(EndpointsPrinter.Create),
        [typeof(V1ReplicationController)] = new(ReplicationControllerPrinter.Create),
        [typeof(V1ReplicaSet)] = new(ReplicaSetPrinter.Create),
        [typeof(V1Deployment)] = new(DeploymentPrinter.Create),
        [typeof(V1DaemonSet)] = new(DaemonSetPrinter.Create),
        [typeof(V1StatefulSet)] = new(StatefulSetPrinter.Create),
        [typeof(V1Job)] = new(JobPrinter.Create),
        [typeof(V1CronJob)] = new(CronJobPrinter.Create),
        [typeof(V1ConfigMap)] = new(ConfigMapPrinter.Create),
        [typeof(V1Secret)] = new(SecretPrinter.Create),
        [typeof(V1ServiceAccount)] = new(ServiceAccountPrinter.Create),
        [typeof(Corev1Event)] = new(EventPrinter.CreateCore),
        [typeof(Eventsv1Event)] = new(EventPrinter.CreateEventsV1),
        [typeof(V1Lease)] = new(LeasePrinter.Create),
        [typeof(V1EndpointSlice)] = new(EndpointSlicePrinter.Create),
        [typeof(V1ResourceQuota)] = new(ResourceQuotaPrinter.Create),
        [typeof(V1PriorityClass)] = new(PriorityClassPrinter.Create),
        [typeof(V1PersistentVolume)] = new(PersistentVolumePrinter.Create),
        [typeof(V1PersistentVolumeClaim)] = new(PersistentVolumeClaimPrinter.Create),
        [typeof(V1PodTemplate)] = new(PodTemplatePrinter.Create),
        [typeof(V1ControllerRevision)] = new(ControllerRevisionPrinter.Create),

        // Kinds the resource table does not serve yet; their printers apply as soon as it does.
        [typeof(V2HorizontalPodAutoscaler)] = new(HorizontalPodAutoscalerPrinter.CreateV2),
        [typeof(V1HorizontalPodAutoscaler)] = new(HorizontalPodAutoscalerPrinter.CreateV1),
        [typeof(V1PodDisruptionBudget)] = new(PodDisruptionBudgetPrinter.Create),
        [typeof(V1Ingress)] = new(IngressPrinter.Create),
        [typeof(V1IngressClass)] = new(IngressClassPrinter.Create),
        [typeof(V1NetworkPolicy)] = new(NetworkPolicyPrinter.Create),
        [typeof(V1StorageClass)] = new(StorageClassPrinter.Create),
        [typeof(V1RoleBinding)] = new(RoleBindingPrinter.CreateRoleBinding),
        [typeof(V1ClusterRoleBinding)] = new(RoleBindingPrinter.CreateClusterRoleBinding),
    };

    public static ITablePrinter For(ResourceInfo resource) => For(resource.ModelType);

    public static ITablePrinter For(Type modelType) =>
        _byModelType.TryGetValue(modelType, out var printer) ? printer.Value : DefaultTablePrinter.Instance;

    /// <summary>True when the resource has its own printer rather than the default table.</summary>
    public static bool HasPrinter(ResourceInfo resource) => _byModelType.ContainsKey(resource.ModelType);
}
