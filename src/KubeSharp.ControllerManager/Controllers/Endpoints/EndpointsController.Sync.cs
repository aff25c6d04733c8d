using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Endpoints;

/// <summary>The one sync per Service key (upstream's syncService).</summary>
internal sealed partial class EndpointsController
{
    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var service = _serviceInformer.Lister.Get(ns, name);
        if (service == null)
        {
            // The Service is gone: so are its Endpoints (upstream deletes by name, whoever wrote them).
            _triggerTimes.Delete(key);
            if (_endpointsInformer.Lister.Get(ns, name) == null) return;
            try
            {
                await _endpoints.DeleteAsync(ns, name, ct: ct);
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                // Already gone.
            }
            return;
        }
        // Selectorless Services are managed by their users; ExternalName Services have no endpoints.
        if (!ServicePods.IsManaged(service)) return;

        var pods = _podInformer.Lister.List(ns!, ServicePods.Selector(service));
        var triggerTime = _triggerTimes.Compute(key, service, pods);
        var subsets = EndpointSubsets.Repack(Entries(service, pods));

        var current = _endpointsInformer.Lister.Get(ns, name);
        var create = current == null;
        var serviceLabels = service.Metadata?.Labels;
        if (current != null && EndpointSubsets.Equal(current.Subsets, subsets)
            && LabelsEqual(Without(current.Metadata?.Labels, ServicePods.HeadlessLabel), serviceLabels)
            && current.Metadata?.Annotations?.ContainsKey(EndpointSubsets.OverCapacityAnnotation) != true)
        {
            return;
        }

        var updated = current != null
            ? KubeObjects.DeepCopy(current)
            : new V1Endpoints { ApiVersion = "v1", Kind = "Endpoints", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };
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

        try
        {
            if (create) await _endpoints.CreateAsync(updated, ct);
            else await _endpoints.UpdateAsync(updated, ct);
        }
        catch (KubeApiException e) when (create && ApiErrors.IsForbidden(e) && IsNamespaceTerminating(e))
        {
            // Creates in a terminating namespace keep failing; the namespace controller removes the Service anyway.
        }
        catch (KubeApiException e)
        {
            if (create)
            {
                _recorder.Event(updated, EventTypes.Warning, "FailedToCreateEndpoint",
                    $"Failed to create endpoint for service {ns}/{name}: {e.Status.Message}");
            }
            else
            {
                _recorder.Event(updated, EventTypes.Warning, "FailedToUpdateEndpoint", $"Failed to update endpoint {ns}/{name}: {e.Status.Message}");
            }
            throw;
        }
    }

    /// <summary>One entry per pod and Service port (one without ports for a headless Service that has none).</summary>
    private IEnumerable<EndpointSubsets.Entry> Entries(V1Service service, IEnumerable<V1Pod> pods)
    {
        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var family = ServicePods.PrimaryFamily(service);
        var servicePorts = service.Spec?.Ports ?? [];
        foreach (var pod in pods)
        {
            if (!ServicePods.ShouldBeInEndpoints(pod, publishNotReady)) continue;
            var ips = ServicePods.PodIps(pod, family);
            if (ips.Count == 0)
            {
                LogNoIpOfFamily(_logger, KubeObjects.KeyOf(pod), family);
                continue;
            }
            var address = new V1EndpointAddress
            {
                Ip = ips[0],
                NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
                Hostname = ServicePods.ShouldSetHostname(pod, service) ? pod.Spec!.Hostname : null,
                TargetRef = new V1ObjectReference { Kind = "Pod", NamespaceProperty = pod.Namespace(), Name = pod.Name(), Uid = pod.Uid() },
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

    private static bool IsNamespaceTerminating(KubeApiException e) =>
        e.Status.Details?.Causes?.Any(c => c.Reason == "NamespaceTerminating") == true
        || e.Status.Message?.Contains("being terminated", StringComparison.Ordinal) == true;

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

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 4501, Level = Microsoft.Extensions.Logging.LogLevel.Debug,
        Message = "Pod {Pod} has no {Family} address; left out of the Service's endpoints")]
    private static partial void LogNoIpOfFamily(Microsoft.Extensions.Logging.ILogger logger, string pod, string family);
}
