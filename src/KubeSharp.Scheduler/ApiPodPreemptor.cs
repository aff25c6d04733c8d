using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>
/// Deletes a victim with its own grace period and a uid precondition (a pod recreated under the same name is not
/// touched), then records upstream 1.32's event on the victim: Normal Preempted "Preempted by pod &lt;uid&gt; on node &lt;node&gt;".
/// </summary>
internal sealed class ApiPodPreemptor(ResourceClient<V1Pod> pods, IEventRecorder recorder) : IPodPreemptor
{
    public async Task<Status> EvictAsync(V1Pod victim, V1Pod preemptor, string nodeName, CancellationToken ct)
    {
        try
        {
            await pods.DeleteAsync(victim.Metadata.NamespaceProperty, victim.Metadata.Name,
                new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = victim.Metadata.Uid } }, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e) || ApiErrors.IsConflict(e))
        {
            // Already gone (or replaced): the room is made either way.
            return Status.Success;
        }
        catch (KubeApiException e)
        {
            return Status.Error($"preempting {victim.Metadata.NamespaceProperty}/{victim.Metadata.Name}: {e.Message}");
        }
        recorder.Event(victim, EventTypes.Normal, "Preempted", $"Preempted by pod {preemptor.Metadata.Uid} on node {nodeName}");
        return Status.Success;
    }
}
