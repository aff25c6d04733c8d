using Microsoft.Extensions.Logging;

namespace KubeSharp.Scheduler;

internal static partial class SchedulerLog
{
    // Debug, as upstream logs it at V(2) (not shown by default): one console line per pod costs real CPU at
    // hundreds of pods per second, and the Scheduled event records the same fact.
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Successfully bound pod {Pod} to node {Node}")]
    public static partial void Bound(ILogger logger, string pod, string node);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Unable to schedule pod {Pod}: {Message}")]
    public static partial void Unschedulable(ILogger logger, string pod, string message);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Error scheduling pod {Pod}: {Message}")]
    public static partial void SchedulingError(ILogger logger, string pod, string message);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Could not update the status of pod {Pod}")]
    public static partial void StatusUpdateFailed(ILogger logger, Exception e, string pod);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Scheduling loop failed for pod {Pod}")]
    public static partial void LoopFailed(ILogger logger, Exception e, string pod);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Scheduler {Name} started; leader election {LeaderElect}")]
    public static partial void Started(ILogger logger, string name, bool leaderElect);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Preempting on node {Node} for pod {Pod}")]
    public static partial void Nominated(ILogger logger, string pod, string node);
}
