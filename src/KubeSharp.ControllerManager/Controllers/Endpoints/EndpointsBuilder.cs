using k8s.Models;
using KubeSharp.Client;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Endpoints;

/// <summary>
/// The Endpoints object a Service's pods call for, compared with the current one (the pure part of upstream's
/// syncService): null when nothing needs writing.
/// </summary>
internal static class EndpointsBuilder
{
    public static V1Endpoints? Build(V1Service service, IEnumerable<V1Pod> pods, V1Endpoints? current, DateTime? triggerTime)
    {
        var subsets = EndpointSubsets.Repack(Entries(service, pods));
        var serviceLabels = service.Metadata?.Labels;
        // Upstream compares labels without the headless label, and skips the write when the over-capacity
        // annotation is absent (the stored subsets can only equal the desired ones when they were not truncated).
        if (current != null && EndpointSubsets.Equal(current.Subsets, subsets)
            && LabelsEqual(Without(current.Metadata?.Labels, ServicePods.HeadlessLabel), serviceLabels)
            && current.Metadata?.Annotations?.ContainsKey(EndpointSubsets.OverCapacityAnnotation) != true)
        {
            return null;
        }

        var updated = current != null
            ? KubeObjects.DeepCopy(current)
            : new V1Endpoints
            {
                ApiVersion = "v1",
                Kind = "Endpoints",
                Metadata = new V1ObjectMeta { Name = service.Metadata!.Name, NamespaceProperty = service.Metadata.NamespaceProperty },
            };
        updated.Subsets = subsets;
        var annotations = updated.Metadata.Annotations ?? new Dictionary<string, string>();
        if (triggerTime is { } t) annotations[ServicePods.LastChangeTriggerTime] = TriggerTimeTracker.Format(t);
        else annotations.Remove(ServicePods.LastChangeTriggerTime);
        if (EndpointSubsets.Truncate(subsets)) annotations[EndpointSubsets.OverCapacityAnnotation] = "truncated";
        else annotations.Remove(EndpointSubsets.OverCapacityAnnotation);
        updated.Metadata.Annotations = annotations.Count > 0 ? annotations : null;
        var labels = new Dictionary<string, string>(serviceLabels ?? new Dictionary<string, string>());
        if (!ServicePods.HasClusterIp(service)) labels[ServicePods.HeadlessLabel] = "";
        else labels.Remove(ServicePods.HeadlessLabel);
        updated.Metadata.Labels = labels.Count > 0 ? labels : null;
        return updated;
    }

    /// <summary>One entry per pod and Service port (one without ports for a headless Service that has none).</summary>
    private static IEnumerable<EndpointSubsets.Entry> Entries(V1Service service, IEnumerable<V1Pod> pods)
    {
        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var family = ServicePods.PrimaryFamily(service);
        var servicePorts = service.Spec?.Ports ?? [];
        foreach (var pod in pods)
        {
            if (!ServicePods.ShouldBeInEndpoints(pod, publishNotReady)) continue;
            // A pod without an IP of the Service's family cannot serve it (upstream logs and skips it).
            var ips = ServicePods.PodIps(pod, family);
            if (ips.Count == 0) continue;
            var address = new V1EndpointAddress
            {
                Ip = ips[0],
                NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
                Hostname = ServicePods.ShouldSetHostname(pod, service) ? pod.Spec!.Hostname : null,
                TargetRef = new V1ObjectReference
                {
                    Kind = "Pod", NamespaceProperty = pod.Metadata?.NamespaceProperty, Name = pod.Metadata?.Name, Uid = pod.Metadata?.Uid,
                },
            };
            var ready = publishNotReady || PodState.IsReady(pod);
            if (servicePorts.Count == 0)
            {
                // Only headless Services may have no ports; they still list their pods.
                if (service.Spec?.ClusterIP == "None") yield return new EndpointSubsets.Entry(address, ready, []);
                continue;
            }
            foreach (var sp in servicePorts)
            {
                if (ServicePods.FindPort(pod, sp) is not { } number) continue;
                var port = new Corev1EndpointPort
                {
                    Name = string.IsNullOrEmpty(sp.Name) ? null : sp.Name,
                    Port = number,
                    Protocol = string.IsNullOrEmpty(sp.Protocol) ? "TCP" : sp.Protocol,
                    AppProtocol = sp.AppProtocol,
                };
                yield return new EndpointSubsets.Entry(address, ready, [port]);
            }
        }
    }

    private static IDictionary<string, string>? Without(IDictionary<string, string>? labels, string key)
    {
        if (labels == null || !labels.ContainsKey(key)) return labels;
        var copy = new Dictionary<string, string>(labels);
        copy.Remove(key);
        return copy;
    }

    /// <summary>Semantic equality: a missing map equals an empty one.</summary>
    private static bool LabelsEqual(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        foreach (var (k, v) in a ?? new Dictionary<string, string>())
        {
            if (b == null || !b.TryGetValue(k, out var other) || other != v) return false;
        }
        return true;
    }
}
