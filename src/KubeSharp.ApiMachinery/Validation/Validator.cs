using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Entry point of per-kind validation, as upstream's registry strategies call Validate/ValidateUpdate. Objects are
/// expected to be defaulted (<see cref="Defaulting.Defaulter"/>) and, on create, to carry their final name and
/// namespace. Kinds without rules return no errors.
/// </summary>
public static class Validator
{
    public static List<FieldError> ValidateCreate(object obj) => obj switch
    {
        V1Pod o => PodValidation.ValidateCreate(o),
        V1PodTemplate o => PodTemplateValidation.ValidateCreate(o),
        V1ReplicationController o => ReplicationControllerValidation.ValidateCreate(o),
        V1ReplicaSet o => ReplicaSetValidation.ValidateCreate(o),
        V1Deployment o => DeploymentValidation.ValidateCreate(o),
        V1DaemonSet o => DaemonSetValidation.ValidateCreate(o),
        V1StatefulSet o => StatefulSetValidation.ValidateCreate(o),
        V1Job o => JobValidation.ValidateCreate(o),
        V1CronJob o => CronJobValidation.ValidateCreate(o),
        V1Service o => ServiceValidation.ValidateCreate(o),
        V1Namespace o => NamespaceValidation.ValidateCreate(o),
        V1ConfigMap o => ConfigMapValidation.ValidateCreate(o),
        V1Secret o => SecretValidation.ValidateCreate(o),
        V1Node o => NodeValidation.ValidateCreate(o),
        V1Endpoints o => EndpointsValidation.ValidateCreate(o),
        V1EndpointSlice o => EndpointSliceValidation.ValidateCreate(o),
        V1ResourceQuota o => ResourceQuotaValidation.ValidateCreate(o),
        V1LimitRange o => LimitRangeValidation.ValidateCreate(o),
        V1PriorityClass o => PriorityClassValidation.ValidateCreate(o),
        V1Lease o => LeaseValidation.ValidateCreate(o),
        Corev1Event o => EventValidation.ValidateCreate(o),
        Eventsv1Event o => EventValidation.ValidateCreate(o),
        V1PersistentVolume o => PersistentVolumeValidation.ValidateCreate(o),
        V1PersistentVolumeClaim o => PersistentVolumeClaimValidation.ValidateCreate(o),
        V1ServiceAccount o => MetadataValidation.ValidateObjectMeta(o.Metadata, true, NameValidation.NameIsDnsSubdomain),
        V1ControllerRevision o => ControllerRevisionValidation.ValidateCreate(o),
        V1PodDisruptionBudget o => PodDisruptionBudgetValidation.ValidateCreate(o),
        _ => [],
    };

    /// <exception cref="ArgumentException">The two objects are of different types (a caller bug).</exception>
    public static List<FieldError> ValidateUpdate(object newObj, object oldObj)
    {
        if (newObj.GetType() != oldObj.GetType())
        {
            throw new ArgumentException($"cannot validate an update from {oldObj.GetType().Name} to {newObj.GetType().Name}");
        }
        return (newObj, oldObj) switch
        {
            (V1Pod n, V1Pod o) => PodValidation.ValidateUpdate(n, o),
            (V1PodTemplate n, V1PodTemplate o) => PodTemplateValidation.ValidateUpdate(n, o),
            (V1ReplicationController n, V1ReplicationController o) => ReplicationControllerValidation.ValidateUpdate(n, o),
            (V1ReplicaSet n, V1ReplicaSet o) => ReplicaSetValidation.ValidateUpdate(n, o),
            (V1Deployment n, V1Deployment o) => DeploymentValidation.ValidateUpdate(n, o),
            (V1DaemonSet n, V1DaemonSet o) => DaemonSetValidation.ValidateUpdate(n, o),
            (V1StatefulSet n, V1StatefulSet o) => StatefulSetValidation.ValidateUpdate(n, o),
            (V1Job n, V1Job o) => JobValidation.ValidateUpdate(n, o),
            (V1CronJob n, V1CronJob o) => CronJobValidation.ValidateUpdate(n, o),
            (V1Service n, V1Service o) => ServiceValidation.ValidateUpdate(n, o),
            (V1Namespace n, V1Namespace o) => NamespaceValidation.ValidateUpdate(n, o),
            (V1ConfigMap n, V1ConfigMap o) => ConfigMapValidation.ValidateUpdate(n, o),
            (V1Secret n, V1Secret o) => SecretValidation.ValidateUpdate(n, o),
            (V1Node n, V1Node o) => NodeValidation.ValidateUpdate(n, o),
            (V1Endpoints n, V1Endpoints o) => EndpointsValidation.ValidateUpdate(n, o),
            (V1EndpointSlice n, V1EndpointSlice o) => EndpointSliceValidation.ValidateUpdate(n, o),
            (V1ResourceQuota n, V1ResourceQuota o) => ResourceQuotaValidation.ValidateUpdate(n, o),
            (V1LimitRange n, V1LimitRange o) => LimitRangeValidation.ValidateUpdate(n, o),
            (V1PriorityClass n, V1PriorityClass o) => PriorityClassValidation.ValidateUpdate(n, o),
            (V1Lease n, V1Lease o) => LeaseValidation.ValidateUpdate(n, o),
            (Corev1Event n, Corev1Event o) => EventValidation.ValidateUpdate(n, o),
            (Eventsv1Event n, Eventsv1Event o) => EventValidation.ValidateUpdate(n, o),
            (V1PersistentVolume n, V1PersistentVolume o) => PersistentVolumeValidation.ValidateUpdate(n, o),
            (V1PersistentVolumeClaim n, V1PersistentVolumeClaim o) => PersistentVolumeClaimValidation.ValidateUpdate(n, o),
            (V1ServiceAccount n, V1ServiceAccount o) => MetadataValidation.ValidateObjectMetaUpdate(n.Metadata, o.Metadata),
            (V1ControllerRevision n, V1ControllerRevision o) => ControllerRevisionValidation.ValidateUpdate(n, o),
            (V1PodDisruptionBudget n, V1PodDisruptionBudget o) => PodDisruptionBudgetValidation.ValidateUpdate(n, o),
            _ => [],
        };
    }
}
