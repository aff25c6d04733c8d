using System.Collections.Concurrent;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Status;

/// <summary>
/// Writes pod statuses through pods/status, only when they differ from what the API has (and from what this
/// kubelet last wrote), never from stale data: the write carries the resourceVersion it was based on, and on a
/// conflict the latest pod is read again and the conditions other writers own are taken from it. A status never
/// moves a pod out of a terminal phase. Calls for one pod are serialized by its pod worker.
/// </summary>
internal sealed partial class StatusManager(KubeClient client, Lister<V1Pod> pods, ILogger logger)
{
    private readonly ConcurrentDictionary<string, string> _lastWritten = new();

    public async Task SetAsync(V1Pod basis, V1PodStatus status, CancellationToken ct)
    {
        var uid = basis.Metadata.Uid;
        var json = KubeJson.SerializeWithMicroseconds(status);
        if (_lastWritten.TryGetValue(uid, out var last) && last == json) return;
        var current = pods.Get(basis.Metadata.NamespaceProperty, basis.Metadata.Name) ?? basis;
        if (current.Metadata.Uid != uid) return;
        if (KubeJson.SerializeWithMicroseconds(current.Status) == json)
        {
            _lastWritten[uid] = json;
            return;
        }
        var resource = client.For<V1Pod>();
        var changed = false;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (current.Status?.Phase is "Succeeded" or "Failed" && status.Phase is not ("Succeeded" or "Failed"))
            {
                LogTerminalKept(logger, current.Metadata.NamespaceProperty, current.Metadata.Name, current.Status.Phase);
                status.Phase = current.Status.Phase;
                changed = true;
            }
            // Only the status is replaced and nothing is changed in place, so a top-level copy of the cached pod is
            // enough (a deep copy was a JSON round trip of the whole pod per write).
            var copy = KubeSharp.Client.KubeObjects.ShallowCopy(current);
            copy.Status = status;
            try
            {
                await resource.UpdateStatusAsync(copy, ct);
                _lastWritten[uid] = changed ? KubeJson.SerializeWithMicroseconds(status) : json;
                return;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e))
            {
                current = await resource.GetAsync(basis.Metadata.NamespaceProperty, basis.Metadata.Name, ct);
                if (current.Metadata.Uid != uid) return;
                MergeForeignConditions(status, current.Status);
                changed = true;
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return;
            }
        }
        throw new InvalidOperationException($"status of pod {basis.Metadata.NamespaceProperty}/{basis.Metadata.Name} kept conflicting");
    }

    public void Forget(string uid) => _lastWritten.TryRemove(uid, out _);

    /// <summary>Conditions the kubelet does not own come from the latest pod (the scheduler's, disruption, gates).</summary>
    private static void MergeForeignConditions(V1PodStatus ours, V1PodStatus? latest)
    {
        var owned = new HashSet<string> { "PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready" };
        var merged = (latest?.Conditions ?? []).Where(c => !owned.Contains(c.Type)).ToList();
        merged.AddRange((ours.Conditions ?? []).Where(c => owned.Contains(c.Type)));
        ours.Conditions = merged;
        ours.NominatedNodeName = latest?.NominatedNodeName;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Pod {Namespace}/{Name} is already {Phase}; kept the terminal phase")]
    private static partial void LogTerminalKept(ILogger logger, string @namespace, string name, string phase);
}
