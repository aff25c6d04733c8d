using KubeSharp.Client.Events;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler;

internal sealed partial class Scheduler
{
    /// <summary>
    /// Upstream handleSchedulingFailure: requeue first (a pod rejected by plugins waits for a cluster change, an
    /// error backs off), then a FailedScheduling event and PodScheduled=False with the same message.
    /// </summary>
    private async Task HandleFailureAsync(QueuedPodInfo info, long cycle, ScheduleResult result, CancellationToken ct)
    {
        info.UnschedulablePlugins.Clear();
        string message, reason;
        if (result.FitError is { } fit)
        {
            foreach (var p in fit.UnschedulablePlugins) info.UnschedulablePlugins.Add(p);
            message = fit.Message;
            reason = "Unschedulable";
            SchedulerLog.Unschedulable(_logger, info.Key, message);
        }
        else
        {
            message = result.Error?.Message ?? "unknown error";
            reason = "SchedulerError";
            SchedulerLog.SchedulingError(_logger, info.Key, message);
        }
        var current = _currentPod(info.Pod);
        if (current == null || current.Metadata.Uid != info.Pod.Metadata.Uid || !string.IsNullOrEmpty(current.Spec?.NodeName))
        {
            // Deleted or bound by someone else meanwhile: nothing to retry or report.
            _queue.Done(info.Key);
            return;
        }
        _queue.AddUnschedulable(info, cycle);
        ProfileFor(current)?.Recorder.Event(current, EventTypes.Warning, "FailedScheduling", message);
        try
        {
            await _conditions.SetPodScheduledAsync(current, "False", reason, message, result.NominatedNodeName, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SchedulerLog.StatusUpdateFailed(_logger, e, info.Key);
        }
    }
}
