using k8s.Models;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>
/// The value of endpoints.kubernetes.io/last-change-trigger-time (upstream's TriggerTimeTracker): for a Service
/// seen for the first time its creation time; afterwards the earliest pod Ready-transition or Service creation time
/// that changed since the previous sync; none (the annotation is removed) when nothing that counts changed.
/// One instance per controller; syncs of one Service never run concurrently, the lock only guards the map.
/// </summary>
internal sealed class TriggerTimeTracker
{
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public DateTime? Compute(string serviceKey, V1Service service, IEnumerable<V1Pod> pods)
    {
        State? previous;
        lock (_gate) _states.TryGetValue(serviceKey, out previous);
        DateTime? min = null;
        var podTimes = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (PodState.ReadyCondition(pod)?.LastTransitionTime is not { } t) continue;
            podTimes[pod.Metadata.Name] = t;
            if (previous == null || !previous.Pods.TryGetValue(pod.Metadata.Name, out var before) || t > before) min = Min(min, t);
        }
        var serviceTime = service.Metadata?.CreationTimestamp ?? DateTime.MinValue;
        if (previous == null || serviceTime > previous.Service) min = Min(min, serviceTime);
        lock (_gate) _states[serviceKey] = new State(podTimes, serviceTime);
        return previous == null ? service.Metadata?.CreationTimestamp : min;
    }

    /// <summary>The tracker's memory of a Service before a sync, to put back with <see cref="Restore"/> when the
    /// sync's write fails: otherwise the retry finds "nothing changed" and drops the trigger time it should carry.</summary>
    public State? Snapshot(string serviceKey)
    {
        lock (_gate) return _states.TryGetValue(serviceKey, out var state) ? state : null;
    }

    public void Restore(string serviceKey, State? snapshot)
    {
        lock (_gate)
        {
            if (snapshot is not null) _states[serviceKey] = snapshot;
            else _states.Remove(serviceKey);
        }
    }

    public void Delete(string serviceKey)
    {
        lock (_gate) _states.Remove(serviceKey);
    }

    /// <summary>RFC 3339 with fractional seconds only when present, as Go's time.RFC3339Nano prints UTC times.</summary>
    public static string Format(DateTime time)
    {
        var utc = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        var text = utc.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    private static DateTime Min(DateTime? a, DateTime b) => a == null || b < a ? b : a.Value;

    /// <summary>What the tracker remembers of one Service: its pods' Ready transition times and its creation time.</summary>
    internal sealed record State(Dictionary<string, DateTime> Pods, DateTime Service);
}
