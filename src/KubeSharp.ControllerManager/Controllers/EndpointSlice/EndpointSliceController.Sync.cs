using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>The one sync per Service key (upstream's syncService + reconciler.reconcile + finalize).</summary>
internal sealed partial class EndpointSliceController
{
    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var service = _serviceInformer.Lister.Get(ns, name);
        if (service == null)
        {
            // The slices carry a controller reference to the Service: the garbage collector removes them.
            _triggerTimes.Delete(key);
            _tracker.DeleteService(key);
            return;
        }
        if (!ServicePods.IsManaged(service)) return;

        var pods = _podInformer.Lister.List(ns!, ServicePods.Selector(service));
        var selector = LabelSelector.FromLabels(new Dictionary<string, string>
        {
            [ServiceNameLabel] = name,
            [ManagedByLabel] = ControllerName,
        });
        // Slices already being deleted are left to finish; counting them could wedge the controller.
        var existing = _sliceInformer.Lister.List(ns!, selector).Where(s => s.Metadata?.DeletionTimestamp == null).ToList();
        if (_tracker.Stale(key, existing))
        {
            throw new InvalidOperationException($"EndpointSlice informer cache is out of date for Service {key}");
        }
        var trackerBefore = _triggerTimes.Snapshot(key);
        var triggerTime = _triggerTimes.Compute(key, service, pods);

        var addressType = ServicePods.PrimaryFamily(service);
        var desired = new Dictionary<string, DesiredEndpoints>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var pod in pods)
        {
            if (!ServicePods.ShouldBeInEndpoints(pod, includeTerminating: true)) continue;
            var node = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : _nodeInformer.Lister.Get(null, pod.Spec.NodeName);
            if (node == null && service.Spec?.PublishNotReadyAddresses != true)
            {
                // upstream: a pod on a Node that does not exist (yet) is left out and the Service retried later.
                skipped.Add(pod.Name());
                continue;
            }
            var addresses = ServicePods.PodIps(pod, addressType);
            if (addresses.Count == 0) continue;
            var ports = SliceLabels.Sorted(Ports(service, pod));
            var portsKey = SliceLabels.PortsKey(ports);
            if (!desired.TryGetValue(portsKey, out var set)) desired[portsKey] = set = new DesiredEndpoints(ports);
            set.Add(SliceReconciler.ToEndpoint(pod, node, service, addresses));
        }

        var plan = new SlicePlan();
        // Slices of another address type (the Service's family changed) go.
        plan.Delete.AddRange(existing.Where(s => s.AddressType != addressType));
        var sameType = existing.Where(s => s.AddressType == addressType).ToList();
        var typed = SliceReconciler.Reconcile(service, addressType, sameType, desired, _maxEndpointsPerSlice);
        plan.Create.AddRange(typed.Create);
        plan.Update.AddRange(typed.Update);
        plan.Delete.AddRange(typed.Delete);
        try
        {
            await ApplyAsync(key, service, plan, triggerTime, ct);
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException)
        {
            // The retry must carry the trigger time this attempt computed but did not write.
            _triggerTimes.Restore(key, trackerBefore);
            throw;
        }

        if (skipped.Count > 0)
        {
            throw new InvalidOperationException($"skipped pods of Service {key} whose node is not known yet: {string.Join(", ", skipped)}");
        }
    }

    private async Task ApplyAsync(string key, V1Service service, SlicePlan plan, DateTime? triggerTime, CancellationToken ct)
    {
        // No new slices for a Service being deleted: the garbage collector would race with us.
        if (service.Metadata?.DeletionTimestamp == null)
        {
            foreach (var slice in plan.Create)
            {
                SetTriggerTime(slice, triggerTime);
                try
                {
                    var created = await _slices.CreateAsync(slice, ct);
                    _tracker.Update(key, created);
                    LogWrite(_logger, "created", created.Name(), key, created.Endpoints?.Count ?? 0);
                }
                catch (KubeApiException e) when (ApiErrors.IsForbidden(e) && e.Status.Message?.Contains("being terminated", StringComparison.Ordinal) == true)
                {
                    // The namespace is terminating: creates keep failing, drop the item as upstream does.
                    return;
                }
            }
        }
        foreach (var slice in plan.Update)
        {
            SetTriggerTime(slice, triggerTime);
            var updated = await _slices.UpdateAsync(slice, ct);
            _tracker.Update(key, updated);
            LogWrite(_logger, "updated", updated.Name(), key, updated.Endpoints?.Count ?? 0);
        }
        foreach (var slice in plan.Delete)
        {
            try
            {
                await _slices.DeleteAsync(slice.Namespace(), slice.Name(), ct: ct);
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                continue;
            }
            _tracker.ExpectDeletion(key, slice);
            LogWrite(_logger, "deleted", slice.Name(), key, 0);
        }
    }

    /// <summary>The Service ports this pod serves (getEndpointPorts); named target ports the pod lacks are left out.</summary>
    private static IEnumerable<Discoveryv1EndpointPort> Ports(V1Service service, V1Pod pod)
    {
        foreach (var sp in service.Spec?.Ports ?? [])
        {
            if (ServicePods.FindPort(pod, sp) is not { } number) continue;
            yield return new Discoveryv1EndpointPort
            {
                Name = sp.Name ?? "",
                Port = number,
                Protocol = string.IsNullOrEmpty(sp.Protocol) ? "TCP" : sp.Protocol,
                AppProtocol = sp.AppProtocol,
            };
        }
    }

    private static void SetTriggerTime(V1EndpointSlice slice, DateTime? triggerTime)
    {
        var annotations = slice.Metadata.Annotations ?? new Dictionary<string, string>();
        if (triggerTime is { } t) annotations[ServicePods.LastChangeTriggerTime] = TriggerTimeTracker.Format(t);
        else annotations.Remove(ServicePods.LastChangeTriggerTime);
        slice.Metadata.Annotations = annotations.Count > 0 ? annotations : null;
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Debug, Message = "EndpointSlice {Slice} {Action} for Service {Service} ({Count} endpoints)")]
    private static partial void LogWrite(ILogger logger, string action, string slice, string service, int count);
}
