using k8s.Models;
using KubeSharp.Client.Events;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// Upstream's eviction manager. Every monitoring interval: read the signals; find the thresholds met (a threshold
/// met before stays met until its minimum reclaim is reached); set the pressure conditions, which stay on for the
/// transition period after the last observation; for thresholds met for their whole grace period, pick the most
/// urgent (memory first), try to free node-level resources for disk signals, and if that is not enough evict the
/// first pod in the signal's ranking that may be evicted (critical and static pods may not). One pod per interval.
/// </summary>
public sealed partial class EvictionManager(
    EvictionPolicy policy,
    IEvictionStatsProvider stats,
    Func<IReadOnlyList<V1Pod>> activePods,
    IPodEvictor evictor,
    INodeReclaimer? reclaimer,
    IEventRecorder? recorder,
    NodePressure pressure,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>upstream's SystemCriticalPriority: pods at or above it are never evicted.</summary>
    public const int SystemCriticalPriority = 2_000_000_000;

    private List<Threshold> _thresholdsMet = [];
    private readonly HashSet<string> _evicted = new(StringComparer.Ordinal);
    private readonly Dictionary<Threshold, DateTimeOffset> _firstObserved = [];
    private readonly Dictionary<string, DateTimeOffset> _conditionLastObserved = new(StringComparer.Ordinal);

    public NodePressure Pressure => pressure;

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(policy.MonitoringInterval, time);
        do
        {
            try
            {
                await SynchronizeAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>One round; returns the pod it evicted, if any.</summary>
    public async Task<V1Pod?> SynchronizeAsync(CancellationToken ct)
    {
        var all = activePods();
        // A pod evicted in an earlier round may still look Running in the informer's cache: it is not chosen again.
        _evicted.IntersectWith(all.Select(p => p.Metadata.Uid));
        var pods = all.Where(p => p.Status?.Phase is not ("Succeeded" or "Failed") && p.Metadata.DeletionTimestamp == null && !_evicted.Contains(p.Metadata.Uid))
            .ToList();
        var observed = await stats.ReadAsync(pods, ct);
        var now = time.GetUtcNow();

        var met = Met(policy.Thresholds, observed.Signals, enforceMinReclaim: false);
        foreach (var unresolved in Met(_thresholdsMet, observed.Signals, enforceMinReclaim: true))
        {
            if (!met.Contains(unresolved)) met.Add(unresolved);
        }
        foreach (var stale in _firstObserved.Keys.Where(t => !met.Contains(t)).ToList()) _firstObserved.Remove(stale);
        foreach (var t in met) _firstObserved.TryAdd(t, now);
        foreach (var condition in met.Select(t => EvictionSignals.Condition(t.Signal)).Distinct()) _conditionLastObserved[condition] = now;
        var conditions = _conditionLastObserved.Where(c => now - c.Value < policy.PressureTransitionPeriod).Select(c => c.Key).ToList();
        if (!pressure.Conditions.SetEquals(conditions)) LogPressure(logger, string.Join(",", conditions.DefaultIfEmpty("none")));
        pressure.Set(conditions);
        _thresholdsMet = met;

        var actionable = met.Where(t => now - _firstObserved[t] >= t.GracePeriod).ToList();
        if (actionable.Count == 0) return null;
        // upstream's byEvictionPriority: memory before everything else.
        var threshold = actionable.OrderBy(t => t.Signal == EvictionSignals.MemoryAvailable ? 0 : 1).First();
        var observation = observed.Signals[threshold.Signal];
        LogThresholdMet(logger, threshold.Signal, observation.Available, threshold.Value.Resolve(observation.Capacity));

        if (EvictionSignals.IsDisk(threshold.Signal) && reclaimer != null)
        {
            await reclaimer.ReclaimAsync(threshold.Signal, ct);
            var after = await stats.ReadAsync(pods, ct);
            if (Met(policy.Thresholds, after.Signals, enforceMinReclaim: true).Count == 0)
            {
                LogReclaimed(logger, threshold.Signal);
                return null;
            }
            observed = after;
            observation = after.Signals.GetValueOrDefault(threshold.Signal, observation);
        }

        var ranked = PodRanking.Rank(threshold.Signal, pods, p => observed.Pods.GetValueOrDefault(p.Metadata.Uid));
        foreach (var pod in ranked)
        {
            if (IsCritical(pod))
            {
                LogCritical(logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name);
                continue;
            }
            var message = EvictionMessages.For(pod, threshold, observation, observed.Pods.GetValueOrDefault(pod.Metadata.Uid));
            var grace = threshold.IsHard ? 0 : SoftGrace(pod);
            recorder?.Event(pod, EventTypes.Warning, "Evicted", message);
            LogEvicting(logger, pod.Metadata.NamespaceProperty, pod.Metadata.Name, threshold.Signal, message);
            var condition = new V1PodCondition
            {
                Type = "DisruptionTarget",
                Status = "True",
                Reason = "TerminationByKubelet",
                Message = message,
                LastTransitionTime = now.UtcDateTime,
            };
            _evicted.Add(pod.Metadata.Uid);
            await evictor.EvictAsync(pod, grace, message, condition, policy.PodCleanupTimeout, ct);
            return pod;
        }
        LogNothingToEvict(logger, threshold.Signal);
        return null;
    }

    /// <summary>upstream's IsCriticalPod: static and mirror pods, and pods at system-critical priority or above.</summary>
    public static bool IsCritical(V1Pod pod)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations != null)
        {
            if (annotations.TryGetValue("kubernetes.io/config.source", out var source) && source != "api") return true;
            if (annotations.ContainsKey("kubernetes.io/config.mirror")) return true;
        }
        return pod.Spec.Priority is >= SystemCriticalPriority;
    }

    private long SoftGrace(V1Pod pod)
    {
        var own = pod.Spec.TerminationGracePeriodSeconds ?? 30;
        return policy.MaxPodGracePeriodSeconds > 0 ? Math.Min(own, policy.MaxPodGracePeriodSeconds) : own;
    }

    /// <summary>
    /// Thresholds whose signal is below the threshold value (plus the minimum reclaim when enforced). Signals not
    /// observed are not met.
    /// </summary>
    internal static List<Threshold> Met(IEnumerable<Threshold> thresholds, IReadOnlyDictionary<string, SignalObservation> signals, bool enforceMinReclaim)
    {
        var result = new List<Threshold>();
        foreach (var t in thresholds)
        {
            if (!signals.TryGetValue(t.Signal, out var o) || o.Capacity <= 0) continue;
            var value = t.Value.Resolve(o.Capacity);
            if (enforceMinReclaim && t.MinReclaim is { } reclaim) value += reclaim.Resolve(o.Capacity);
            if (o.Available < value) result.Add(t);
        }
        return result;
    }

    [LoggerMessage(EventId = 6801, Level = LogLevel.Warning, Message = "Eviction manager: node pressure conditions now {Conditions}")]
    private static partial void LogPressure(ILogger logger, string conditions);

    [LoggerMessage(EventId = 6802, Level = LogLevel.Warning, Message = "Eviction manager: threshold {Signal} met (available {Available}, threshold {Threshold})")]
    private static partial void LogThresholdMet(ILogger logger, string signal, long available, long threshold);

    [LoggerMessage(EventId = 6803, Level = LogLevel.Information, Message = "Eviction manager: freed node-level resources for {Signal} without evicting pods")]
    private static partial void LogReclaimed(ILogger logger, string signal);

    [LoggerMessage(EventId = 6804, Level = LogLevel.Warning, Message = "Eviction manager: evicting pod {Namespace}/{Name} for {Signal}: {Message}")]
    private static partial void LogEvicting(ILogger logger, string @namespace, string name, string signal, string message);

    [LoggerMessage(EventId = 6805, Level = LogLevel.Warning, Message = "Eviction manager: cannot evict critical pod {Namespace}/{Name}")]
    private static partial void LogCritical(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 6806, Level = LogLevel.Warning, Message = "Eviction manager: {Signal} is under pressure but no pod can be evicted")]
    private static partial void LogNothingToEvict(ILogger logger, string signal);

    [LoggerMessage(EventId = 6807, Level = LogLevel.Error, Message = "Eviction manager: synchronize failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
