using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>Creates or deletes pods toward spec.replicas (upstream's manageReplicas).</summary>
internal sealed partial class ReplicaSetController<TOwner>
{
    private async Task ManageReplicasAsync(TOwner owner, string key, List<V1Pod> pods, CancellationToken ct)
    {
        var diff = pods.Count - _adapter.Replicas(owner);
        if (diff < 0) await CreatePodsAsync(owner, key, Math.Min(-diff, BurstReplicas), ct);
        else if (diff > 0) await DeletePodsAsync(owner, key, Math.Min(diff, BurstReplicas), pods, ct);
    }

    /// <summary>
    /// Slow start (upstream's slowStartBatch): batches of 1, 2, 4, ... created in parallel; the first failing batch
    /// stops the rest, so a quota or admission error costs one request instead of hundreds. Creations never tried
    /// or failed are subtracted from the expectations, since no watch event will ever report them.
    /// </summary>
    private async Task CreatePodsAsync(TOwner owner, string key, int count, CancellationToken ct)
    {
        _expectations.ExpectCreations(key, count);
        var template = PodTemplates.PodFromTemplate(_adapter.Template(owner), owner.Namespace(), owner.Name(), ControllerReference(owner));
        var done = 0;
        Exception? error = null;
        for (var batch = 1; done < count && error == null; batch *= 2)
        {
            var size = Math.Min(batch, count - done);
            var results = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => CreateOneAsync(owner, template, ct)));
            done += size;
            foreach (var r in results)
            {
                if (r == null) continue;
                _expectations.CreationObserved(key);
                error ??= r;
            }
        }
        for (var skipped = count - done; skipped > 0; skipped--) _expectations.CreationObserved(key);
        if (error != null) throw error;
    }

    private async Task<Exception?> CreateOneAsync(TOwner owner, V1Pod template, CancellationToken ct)
    {
        try
        {
            var created = await _pods.CreateAsync(KubeObjects.DeepCopy(template), ct);
            _recorder.Event(owner, EventTypes.Normal, "SuccessfulCreate", $"Created pod: {created.Name()}");
            return null;
        }
        catch (KubeApiException e)
        {
            _recorder.Event(owner, EventTypes.Warning, "FailedCreate", $"Error creating: {e.Status.Message}");
            return e;
        }
    }

    private async Task DeletePodsAsync(TOwner owner, string key, int count, List<V1Pod> pods, CancellationToken ct)
    {
        var victims = pods.Order(PodDeletionOrder.Instance).Take(count).ToList();
        // Expect by pod key, so only the deletes of these very pods satisfy the expectation.
        _expectations.ExpectDeletions(key, victims.Select(KubeObjects.KeyOf));
        var results = await Task.WhenAll(victims.Select(p => DeleteOneAsync(owner, key, p, ct)));
        var error = results.FirstOrDefault(e => e != null);
        if (error != null) throw error;
    }

    private async Task<Exception?> DeleteOneAsync(TOwner owner, string key, V1Pod pod, CancellationToken ct)
    {
        try
        {
            await _pods.DeleteAsync(pod.Namespace(), pod.Name(), ct: ct);
            _recorder.Event(owner, EventTypes.Normal, "SuccessfulDelete", $"Deleted pod: {pod.Name()}");
            return null;
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            // Already gone: its delete event may have been missed, so observe it here.
            _expectations.DeletionObserved(key, KubeObjects.KeyOf(pod));
            return null;
        }
        catch (KubeApiException e)
        {
            _expectations.DeletionObserved(key, KubeObjects.KeyOf(pod));
            _recorder.Event(owner, EventTypes.Warning, "FailedDelete", $"Error deleting: {e.Status.Message}");
            return e;
        }
    }
}
