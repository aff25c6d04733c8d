using k8s.Models;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>
/// Which fields upstream marks required. The generated models keep only part of that fact: required scalars are
/// non-nullable value types (ServicePort.port, ContainerStatus.ready). Required references (Container.name,
/// PodSpec.containers) are indistinguishable from optional ones, so the ones kubectl users meet are listed here.
/// </summary>
internal static class RequiredFields
{
    private static readonly Dictionary<Type, string[]> _listed = new()
    {
        [typeof(V1Container)] = ["name"],
        [typeof(V1EphemeralContainer)] = ["name"],
        [typeof(V1PodSpec)] = ["containers"],
        [typeof(V1EnvVar)] = ["name"],
        [typeof(V1VolumeMount)] = ["mountPath", "name"],
        [typeof(V1VolumeDevice)] = ["devicePath", "name"],
        [typeof(V1Volume)] = ["name"],
        [typeof(V1KeyToPath)] = ["key", "path"],
        [typeof(V1ConfigMapKeySelector)] = ["key"],
        [typeof(V1SecretKeySelector)] = ["key"],
        [typeof(V1ObjectFieldSelector)] = ["fieldPath"],
        [typeof(V1ResourceFieldSelector)] = ["resource"],
        [typeof(V1HTTPHeader)] = ["name", "value"],
        [typeof(V1HTTPGetAction)] = ["port"],
        [typeof(V1TCPSocketAction)] = ["port"],
        [typeof(V1NodeSelector)] = ["nodeSelectorTerms"],
        [typeof(V1NodeSelectorRequirement)] = ["key", "operator"],
        [typeof(V1PodAffinityTerm)] = ["topologyKey"],
        [typeof(V1Taint)] = ["effect", "key"],
        [typeof(V1TopologySpreadConstraint)] = ["topologyKey", "whenUnsatisfiable"],
        [typeof(V1PodCondition)] = ["status", "type"],
        [typeof(V1NodeCondition)] = ["status", "type"],
        [typeof(V1NodeAddress)] = ["address", "type"],
        [typeof(V1ContainerStatus)] = ["image", "imageID", "name", "ready", "restartCount"],
        [typeof(V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(V1OwnerReference)] = ["apiVersion", "kind", "name", "uid"],
        [typeof(V1Condition)] = ["lastTransitionTime", "message", "reason", "status", "type"],
        [typeof(V1DeploymentSpec)] = ["selector", "template"],
        [typeof(V1ReplicaSetSpec)] = ["selector"],
        [typeof(V1StatefulSetSpec)] = ["selector", "template"],
        [typeof(V1DaemonSetSpec)] = ["selector", "template"],
        [typeof(V1DeploymentCondition)] = ["status", "type"],
        [typeof(V1JobSpec)] = ["template"],
        [typeof(V1JobCondition)] = ["status", "type"],
        [typeof(V1CronJobSpec)] = ["jobTemplate", "schedule"],
        [typeof(Corev1Event)] = ["involvedObject", "metadata"],
        [typeof(Eventsv1Event)] = ["eventTime"],
        [typeof(V1EndpointSlice)] = ["addressType", "endpoints"],
        [typeof(V1Endpoint)] = ["addresses"],
        [typeof(V1EndpointAddress)] = ["ip"],
        [typeof(V1PriorityClass)] = ["value"],
        [typeof(V1ControllerRevision)] = ["revision"],
        [typeof(V1Binding)] = ["target"],
        [typeof(V1SelfSubjectAccessReview)] = ["spec"],
        [typeof(V1NamespaceCondition)] = ["status", "type"],
        [typeof(V1LimitRangeItem)] = ["type"],
        [typeof(V1LimitRangeSpec)] = ["limits"],
        [typeof(V1ScopedResourceSelectorRequirement)] = ["operator", "scopeName"],
    };

    /// <summary>The required JSON names of a model type, sorted.</summary>
    public static List<string> Of(Type type, SchemaTypes.Field[] fields)
    {
        var required = new SortedSet<string>(StringComparer.Ordinal);
        if (_listed.TryGetValue(type, out var listed))
        {
            required.UnionWith(listed);
        }
        foreach (var field in fields)
        {
            var clr = field.Property.PropertyType;
            if (clr.IsValueType && Nullable.GetUnderlyingType(clr) is null)
            {
                required.Add(field.JsonName);
            }
            // Every list kind requires its items.
            if (field.JsonName == "items" && type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                required.Add("items");
            }
        }
        return [.. required];
    }
}
