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
            _stale.Delete(key);
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
        var trackerBefore = _triggerTimes.Snapshot(key);
        var triggerTime = _triggerTimes.Compute(key, service, pods);
        var current = _endpointsInformer.Lister.Get(ns, name);
        if (current != null && _stale.IsStale(key, current))
        {
            // The retry must carry the trigger time this attempt computed but did not write.
            _triggerTimes.Restore(key, trackerBefore);
            // Our last write is not in the cache yet: an error retries (with back-off) once the informer caught up.
            throw new InvalidOperationException($"endpoints informer cache is out of date, resource version {current.ResourceVersion()} already processed for endpoints {key}");
        }
        var create = current == null;
        if (EndpointsBuilder.Build(service, pods, current, triggerTime) is not { } updated) return;

        try
        {
            if (create)
            {
                await _endpoints.CreateAsync(updated, ct);
            }
            else
            {
                await _endpoints.UpdateAsync(updated, ct);
                _stale.Replaced(key, current!);
            }
        }
        catch (KubeApiException e) when (create && ApiErrors.IsForbidden(e) && IsNamespaceTerminating(e))
        {
            // Creates in a terminating namespace keep failing; the namespace controller removes the Service anyway.
        }
        catch (KubeApiException e)
        {
            _triggerTimes.Restore(key, trackerBefore);
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

    private static bool IsNamespaceTerminating(KubeApiException e) =>
        e.Status.Details?.Causes?.Any(c => c.Reason == "NamespaceTerminating") == true
        || e.Status.Message?.Contains("being terminated", StringComparison.Ordinal) == true;
}
