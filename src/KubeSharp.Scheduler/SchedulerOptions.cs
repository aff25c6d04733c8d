namespace KubeSharp.Scheduler;

/// <summary>Settings of a <see cref="SchedulerHost"/>; defaults follow kube-scheduler 1.32.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Kubeconfig used to reach the API server (the only way the scheduler sees the cluster).</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>Pods whose spec.schedulerName equals this are scheduled by this instance; also the events' source.</summary>
    public string SchedulerName { get; init; } = "default-scheduler";

    /// <summary>Schedule only while holding the Lease (upstream default: on), so replicas never both bind.</summary>
    public bool LeaderElect { get; init; } = true;

    public string LeaseNamespace { get; init; } = "kube-system";

    public string LeaseName { get; init; } = "kube-scheduler";

    /// <summary>Lease holder identity; default "hostname_guid" as upstream.</summary>
    public string? Identity { get; init; }

    /// <summary>Nodes filtered concurrently (upstream --parallelism, default 16).</summary>
    public int Parallelism { get; init; } = 16;

    /// <summary>First back-off of a pod that failed (upstream podInitialBackoffSeconds: 1 s), doubling per attempt.</summary>
    public TimeSpan PodInitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Back-off cap (upstream podMaxBackoffSeconds: 10 s).</summary>
    public TimeSpan PodMaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a pod stays unschedulable without a helpful cluster event before it is retried anyway
    /// (upstream podMaxInUnschedulablePodsDuration: 5 min).
    /// </summary>
    public TimeSpan PodMaxInUnschedulable { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock for queues, back-off and events; tests may inject a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The profiles to serve (from a KubeSchedulerConfiguration file); null serves the default profile under
    /// <see cref="SchedulerName"/>. Several profiles: one scheduler name each, one queue and cache for all.
    /// </summary>
    public IReadOnlyList<Framework.Profile>? Profiles { get; init; }

    /// <summary>Global percentageOfNodesToScore (0-100); null or 0: upstream's adaptive default.</summary>
    public int? PercentageOfNodesToScore { get; init; }

    /// <summary>Seed for breaking score ties between nodes; null picks a random seed.</summary>
    public int? RandomSeed { get; init; }
}
