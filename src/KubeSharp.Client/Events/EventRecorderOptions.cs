namespace KubeSharp.Client.Events;

/// <summary>Identity and limits of an <see cref="EventRecorder"/>. Limits default to client-go's.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>source.component and reportingComponent, e.g. "default-scheduler", "kubelet".</summary>
    public required string Component { get; init; }

    /// <summary>source.host (kubelets set their node name) and reportingInstance.</summary>
    public string? Host { get; init; }

    /// <summary>Events one object may get in a burst before the refill rate applies (spam filter).</summary>
    public int BurstPerObject { get; init; } = 25;

    /// <summary>One more event per object is allowed after each interval (client-go: one per 5 minutes).</summary>
    public TimeSpan RefillInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Distinct (object, reason, message) groups remembered for aggregation (client-go's LRU size).</summary>
    public int MaxAggregationEntries { get; init; } = 4096;

    /// <summary>Events waiting to be written; more are dropped, so a stuck API server cannot exhaust memory.</summary>
    public int QueueLength { get; init; } = 1000;

    /// <summary>
    /// Attempts per event when the API server cannot be reached (client-go's maxTriesPerEvent); an answer from the
    /// server, even an error, is never retried.
    /// </summary>
    public int MaxTriesPerEvent { get; init; } = 12;

    /// <summary>Wait between attempts (client-go: 10 s; the first wait is a random part of it, so clients that lost
    /// the same server do not all come back at once).</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long disposing waits for queued events to be written.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
