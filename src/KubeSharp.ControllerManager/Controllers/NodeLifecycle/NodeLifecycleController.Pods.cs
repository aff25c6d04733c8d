using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>Pods of a node that stopped being ready (upstream's MarkPodsNotReady).</summary>
internal sealed partial class NodeLifecycleController
{
    /// <summary>
    /// Sets Ready=False on every pod bound to the node that still says Ready, so Services stop sending traffic
    /// there long before any eviction. False when some write failed (retried at the next pass).
    /// </summary>
    private async Task<bool> MarkPodsNotReadyAsync(string nodeName, CancellationToken ct)
    {
        var ok = true;
        foreach (var cached in _podInformer.Lister.ByIndex(Indexes.NodeName, nodeName))
        {
            if (cached.Spec?.NodeName != nodeName) continue;
            var readyIndex = cached.Status?.Conditions?.ToList().FindIndex(c => c.Type == "Ready") ?? -1;
            if (readyIndex < 0 || cached.Status!.Conditions[readyIndex].Status == "False") continue;
            var pod = KubeObjects.DeepCopy(cached);
            var ready = pod.Status.Conditions[readyIndex];
            ready.Status = "False";
            ready.LastTransitionTime = _time.GetUtcNow().UtcDateTime;
            try
            {
                await _pods.UpdateStatusAsync(pod, ct);
                LogPodNotReady(_logger, pod.Namespace(), pod.Name(), nodeName);
                _recorder.Event(pod, EventTypes.Warning, "NodeNotReady", "Node is not ready");
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                // Gone meanwhile: nothing to mark.
            }
            catch (KubeApiException e)
            {
                LogPodNotReadyFailed(_logger, e, pod.Namespace(), pod.Name());
                ok = false;
            }
        }
        return ok;
    }

    [LoggerMessage(EventId = 4930, Level = LogLevel.Information, Message = "Pod {Namespace}/{Pod} marked not ready: node {Node} is not ready")]
    private static partial void LogPodNotReady(ILogger logger, string @namespace, string pod, string node);

    [LoggerMessage(EventId = 4931, Level = LogLevel.Warning, Message = "Could not mark pod {Namespace}/{Pod} not ready")]
    private static partial void LogPodNotReadyFailed(ILogger logger, Exception e, string @namespace, string pod);
}
