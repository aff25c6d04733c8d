using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.TaintEviction;

/// <summary>The eviction itself (upstream's deletePodHandler and addConditionAndDeletePod).</summary>
internal sealed partial class TaintEvictionController
{
    private const int DeleteRetries = 5;

    /// <summary>
    /// Records TaintManagerEviction, sets the DisruptionTarget condition (PodDisruptionConditions, GA in 1.31) and
    /// deletes the pod with its uid as precondition, so a new pod of the same name is never hit. A pod that could
    /// not be deleted is forgotten, so the next node or pod event schedules it again.
    /// </summary>
    private async Task EvictAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        _recorder.Event(PodRef(ns!, name), EventTypes.Normal, "TaintManagerEviction", $"Marking for deletion Pod {ns}/{name}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DeleteWithConditionAsync(ns!, name, ct);
                LogEvicted(_logger, ns!, name);
                return;
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (attempt < DeleteRetries)
            {
                LogRetry(_logger, e, ns!, name);
                await Task.Delay(TimeSpan.FromMilliseconds(10), _time, ct);
            }
            catch (Exception e)
            {
                LogFailed(_logger, e, ns!, name);
                _evictions.Cancel(key);
                return;
            }
        }
    }

    private async Task DeleteWithConditionAsync(string ns, string name, CancellationToken ct)
    {
        var pod = await _pods.GetAsync(ns, name, ct);
        if (pod.Metadata?.DeletionTimestamp != null) return;
        var target = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "DisruptionTarget");
        if (target is not { Status: "True", Reason: "DeletionByTaintManager" })
        {
            // A strategic merge patch merges conditions by type, leaving the kubelet's own in place.
            var now = _time.GetUtcNow().UtcDateTime;
            var patch = System.Text.Encoding.UTF8.GetString(KubeSharp.ApiMachinery.Serialization.KubeJson.Serialize(new V1Pod
            {
                Metadata = new V1ObjectMeta { Uid = pod.Uid() },
                Status = new V1PodStatus
                {
                    Conditions =
                    [
                        new V1PodCondition
                        {
                            Type = "DisruptionTarget",
                            Status = "True",
                            Reason = "DeletionByTaintManager",
                            Message = "Taint manager: deleting due to NoExecute taint",
                            LastTransitionTime = now,
                        },
                    ],
                },
            }));
            await _pods.PatchAsync(ns, name, PatchType.StrategicMerge, patch, "status", ct);
        }
        await _pods.DeleteAsync(ns, name, new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Uid() } }, ct);
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Pod {Namespace}/{Pod} deleted by the taint eviction controller")]
    private static partial void LogEvicted(ILogger logger, string @namespace, string pod);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "Evicting pod {Namespace}/{Pod} failed; retrying")]
    private static partial void LogRetry(ILogger logger, Exception e, string @namespace, string pod);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Evicting pod {Namespace}/{Pod} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, string @namespace, string pod);
}
