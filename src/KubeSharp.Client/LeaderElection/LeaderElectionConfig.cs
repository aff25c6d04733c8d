namespace KubeSharp.Client.LeaderElection;

/// <summary>
/// Which Lease to hold and the timing contract (client-go's LeaderElectionConfig). Safety rests on
/// <see cref="RenewDeadline"/> &lt; <see cref="LeaseDuration"/>: a leader that cannot renew steps down before any
/// other candidate may consider the lease expired.
/// </summary>
public sealed record LeaderElectionConfig
{
    public required string LeaseNamespace { get; init; }

    public required string LeaseName { get; init; }

    /// <summary>Unique per candidate, e.g. "hostname_uuid"; written to spec.holderIdentity.</summary>
    public required string Identity { get; init; }

    /// <summary>How long non-leaders wait after last observing a change of the lease before taking it over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leadership.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On cancellation the leader clears the lease so a successor need not wait out LeaseDuration.</summary>
    public bool ReleaseOnCancel { get; init; }

    internal void Validate()
    {
        if (LeaseDuration <= RenewDeadline) throw new ArgumentException("LeaseDuration must be greater than RenewDeadline");
        // Acquire attempts are jittered up to 1.2 × RetryPeriod; a renew deadline shorter than that could never be met.
        if (RenewDeadline <= RetryPeriod * 1.2) throw new ArgumentException("RenewDeadline must be greater than 1.2 × RetryPeriod");
        if (RetryPeriod <= TimeSpan.Zero) throw new ArgumentException("RetryPeriod must be positive");
    }
}
