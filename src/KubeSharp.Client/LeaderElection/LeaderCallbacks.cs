namespace KubeSharp.Client.LeaderElection;

/// <summary>What to do on gaining and losing leadership.</summary>
public sealed class LeaderCallbacks
{
    /// <summary>Runs the leader's work; its token is cancelled the moment leadership is lost or the elector stops.</summary>
    public required Func<CancellationToken, Task> OnStartedLeading { get; init; }

    /// <summary>Called once when leadership ends (upstream components exit here, to restart clean).</summary>
    public Action? OnStoppedLeading { get; init; }

    /// <summary>Called when the observed holder changes, including to this candidate.</summary>
    public Action<string>? OnNewLeader { get; init; }
}
