using k8s.Models;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>
/// Decides which slices to create, update and delete for one Service and address type (upstream's
/// reconciler.reconcileByAddressType / reconcileByPortMapping / finalize), aiming at few writes: endpoints stay in
/// the slice that holds them; slices that change anyway are filled up first (fullest first); leftovers go into one
/// unchanged slice that fits them all, else into new slices; finally, creates are turned into updates of slices that
/// would otherwise be deleted.
/// </summary>
internal static class SliceReconciler
{
    public static SlicePlan Reconcile(V1Service service, string addressType, IReadOnlyList<V1EndpointSlice> existing,
        Dictionary<string, DesiredEndpoints> desired, int maxEndpoints)
    {
        var plan = new SlicePlan();
        var existingByPorts = new Dictionary<string, List<V1EndpointSlice>>(StringComparer.Ordinal);
        foreach (var slice in existing)
        {
            if (!OwnedBy(slice, service))
            {
                plan.Delete.Add(slice);
                continue;
            }
            var key = SliceLabels.PortsKey(slice.Ports);
            if (!existingByPorts.TryGetValue(key, out var list)) existingByPorts[key] = list = [];
            list.Add(slice);
        }

        foreach (var (portsKey, endpoints) in desired)
        {
            ReconcilePorts(service, addressType, existingByPorts.GetValueOrDefault(portsKey) ?? [], endpoints, maxEndpoints, plan);
        }
        foreach (var (portsKey, slices) in existingByPorts)
        {
            if (!desired.ContainsKey(portsKey)) plan.Delete.AddRange(slices);
        }

        // A Service without endpoints still gets one empty slice, so consumers can tell "no endpoints" from "not synced".
        if (existing.Count == plan.Delete.Count && plan.Create.Count == 0)
        {
            var placeholder = NewSlice(service, addressType, []);
            var keep = plan.Delete.Count == 1 && IsPlaceholderLike(plan.Delete[0], placeholder, service);
            if (keep) plan.Delete.Clear();
            else plan.Create.Add(placeholder);
        }

        // Reuse slices that would be deleted instead of creating new ones (same address type, owned by this Service).
        for (var i = 0; i < plan.Delete.Count && plan.Create.Count > 0;)
        {
            var victim = plan.Delete[i];
            if (victim.AddressType == addressType && OwnedBy(victim, service))
            {
                var reused = plan.Create[^1];
                plan.Create.RemoveAt(plan.Create.Count - 1);
                reused.Metadata.Name = victim.Metadata.Name;
                reused.Metadata.GenerateName = null;
                reused.Metadata.ResourceVersion = victim.Metadata.ResourceVersion;
                plan.Update.Add(reused);
                plan.Delete.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
        return plan;
    }

    private static void ReconcilePorts(V1Service service, string addressType, List<V1EndpointSlice> slices, DesiredEndpoints desired,
        int max, SlicePlan plan)
    {
        var toUpdate = new List<V1EndpointSlice>();
        var unchanged = new List<V1EndpointSlice>();

        // 1. Keep desired endpoints where they are; drop the rest; note slices whose content or labels changed.
        foreach (var slice in slices)
        {
            var kept = new List<V1Endpoint>();
            var changed = false;
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                if (desired.Get(endpoint) is not { } want) continue;
                kept.Add(want);
                if (!DesiredEndpoints.EqualBeyondKey(want, endpoint)) changed = true;
                desired.Remove(endpoint);
            }
            var (labels, labelsChanged) = SliceLabels.For(slice, service);
            if (changed || kept.Count != (slice.Endpoints?.Count ?? 0))
            {
                if (kept.Count == 0)
                {
                    plan.Delete.Add(slice);
                    continue;
                }
                var copy = Client.KubeObjects.DeepCopy(slice);
                copy.Endpoints = kept;
                copy.Metadata.Labels = labels;
                toUpdate.Add(copy);
            }
            else if (labelsChanged)
            {
                var copy = Client.KubeObjects.DeepCopy(slice);
                copy.Metadata.Labels = labels;
                toUpdate.Add(copy);
            }
            else
            {
                unchanged.Add(slice);
            }
        }

        // 2. Slices being written anyway take new endpoints first, fullest first.
        foreach (var slice in toUpdate.OrderByDescending(s => s.Endpoints.Count))
        {
            while (desired.Count > 0 && slice.Endpoints.Count < max) slice.Endpoints.Add(desired.Pop());
        }

        // 3. Leftovers: one unchanged slice with room for all of them, else new slices.
        while (desired.Count > 0)
        {
            V1EndpointSlice? fill = null;
            if (desired.Count < max && unchanged.Count > 0)
            {
                fill = SliceToFill(unchanged, desired.Count, max);
                if (fill != null)
                {
                    unchanged.Remove(fill);
                    fill = Client.KubeObjects.DeepCopy(fill);
                    fill.Endpoints ??= [];
                    toUpdate.Add(fill);
                }
            }
            if (fill == null)
            {
                fill = NewSlice(service, addressType, desired.Ports);
                plan.Create.Add(fill);
            }
            while (desired.Count > 0 && fill.Endpoints.Count < max) fill.Endpoints.Add(desired.Pop());
        }
        plan.Update.AddRange(toUpdate);
    }

    /// <summary>The slice that the leftovers fill most closely without overflowing (getSliceToFill).</summary>
    private static V1EndpointSlice? SliceToFill(List<V1EndpointSlice> candidates, int count, int max)
    {
        var closestDiff = max;
        V1EndpointSlice? closest = null;
        foreach (var slice in candidates)
        {
            var diff = max - (count + (slice.Endpoints?.Count ?? 0));
            if (diff < 0 || diff >= closestDiff) continue;
            closestDiff = diff;
            closest = slice;
            if (diff == 0) break;
        }
        return closest;
    }

    public static V1EndpointSlice NewSlice(V1Service service, string addressType, IReadOnlyList<Discoveryv1EndpointPort> ports)
    {
        var slice = new V1EndpointSlice
        {
            ApiVersion = "discovery.k8s.io/v1",
            Kind = "EndpointSlice",
            Metadata = new V1ObjectMeta
            {
                GenerateName = SliceLabels.GenerateName(service.Metadata.Name),
                NamespaceProperty = service.Metadata.NamespaceProperty,
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = "v1", Kind = "Service", Name = service.Metadata.Name, Uid = service.Metadata.Uid,
                        Controller = true, BlockOwnerDeletion = true,
                    },
                ],
            },
            AddressType = addressType,
            Endpoints = [],
            Ports = [.. ports],
        };
        slice.Metadata.Labels = SliceLabels.For(slice, service).Labels;
        return slice;
    }

    /// <summary>An existing slice that already is the empty placeholder (no endpoints, no ports, our labels).</summary>
    private static bool IsPlaceholderLike(V1EndpointSlice slice, V1EndpointSlice placeholder, V1Service service) =>
        (slice.Endpoints?.Count ?? 0) == 0 && (slice.Ports?.Count ?? 0) == 0 && slice.AddressType == placeholder.AddressType
        && OwnedBy(slice, service) && !SliceLabels.For(slice, service).Changed;

    public static bool OwnedBy(V1EndpointSlice slice, V1Service service) =>
        slice.Metadata?.OwnerReferences?.Any(r => r.Uid == service.Metadata.Uid && r.Kind == "Service" && r.ApiVersion == "v1") == true;

    /// <summary>The endpoint of one pod (upstream's podToEndpoint).</summary>
    public static V1Endpoint ToEndpoint(V1Pod pod, V1Node? node, V1Service service, IReadOnlyList<string> addresses)
    {
        var serving = PodState.IsReady(pod);
        var terminating = pod.Metadata?.DeletionTimestamp != null;
        // A terminating pod is never "ready" (for consumers that only look at ready), unless the Service publishes
        // not-ready addresses; "serving" still tells whether it answers.
        var ready = service.Spec?.PublishNotReadyAddresses == true || (serving && !terminating);
        return new V1Endpoint
        {
            Addresses = [.. addresses],
            Conditions = new V1EndpointConditions { Ready = ready, Serving = serving, Terminating = terminating },
            TargetRef = new V1ObjectReference { Kind = "Pod", NamespaceProperty = pod.Metadata!.NamespaceProperty, Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
            Zone = node?.Metadata?.Labels?.TryGetValue("topology.kubernetes.io/zone", out var zone) == true && zone.Length > 0 ? zone : null,
            Hostname = ServicePods.ShouldSetHostname(pod, service) ? pod.Spec!.Hostname : null,
        };
    }
}
