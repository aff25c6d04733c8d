using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>Status from the claimed pods, written through the status subresource (upstream's calculateStatus).</summary>
internal sealed partial class ReplicaSetController<TOwner>
{
    private ReplicaStatus CalculateStatus(TOwner owner, List<V1Pod> pods, Exception? manageError)
    {
        var templateLabels = _adapter.Template(owner)?.Metadata?.Labels;
        var now = _time.GetUtcNow();
        var minReady = _adapter.MinReadySeconds(owner);
        int fullyLabeled = 0, ready = 0, available = 0;
        foreach (var pod in pods)
        {
            if (HasAllLabels(pod.Metadata?.Labels, templateLabels)) fullyLabeled++;
            if (!PodState.IsReady(pod)) continue;
            ready++;
            if (PodState.IsAvailable(pod, minReady, now)) available++;
        }
        return new ReplicaStatus(pods.Count, fullyLabeled, ready, available, owner.Metadata?.Generation,
            Failure(owner, pods.Count, manageError, now));
    }

    /// <summary>
    /// The ReplicaFailure condition as upstream's calculateStatus keeps it: set (with the error as message) when
    /// this sync's creates or deletes failed and no such condition is there yet, removed after any sync without a
    /// failure, otherwise left as it is (so a repeated failure does not rewrite status on every retry).
    /// </summary>
    private ReplicaFailure? Failure(TOwner owner, int podCount, Exception? manageError, DateTimeOffset now)
    {
        var current = _adapter.Status(owner).Failure;
        if (manageError == null) return null;
        if (current != null) return current;
        var diff = podCount - _adapter.Replicas(owner);
        var reason = diff < 0 ? ReplicaFailure.FailedCreate : diff > 0 ? ReplicaFailure.FailedDelete : null;
        var message = manageError is KubeApiException api ? api.Status.Message : manageError.Message;
        return new ReplicaFailure("True", reason, message, now.UtcDateTime);
    }

    /// <summary>Writes the status when it changed; on a conflict re-reads the owner once, as upstream does.</summary>
    private async Task<ReplicaStatus> UpdateStatusAsync(TOwner owner, ReplicaStatus status, CancellationToken ct)
    {
        if (_adapter.Status(owner) == status) return status;
        var copy = KubeObjects.DeepCopy(owner);
        for (var attempt = 0; ; attempt++)
        {
            _adapter.SetStatus(copy, status);
            try
            {
                await _owners.UpdateStatusAsync(copy, ct);
                return status;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e) && attempt == 0)
            {
                // The generation observed stays the one this sync acted on, as upstream keeps it.
                copy = await _owners.GetAsync(owner.Namespace(), owner.Name(), ct);
            }
        }
    }

    private static bool HasAllLabels(IDictionary<string, string>? labels, IDictionary<string, string>? required)
    {
        if (required == null) return true;
        foreach (var (k, v) in required)
        {
            if (labels == null || !labels.TryGetValue(k, out var have) || have != v) return false;
        }
        return true;
    }
}
