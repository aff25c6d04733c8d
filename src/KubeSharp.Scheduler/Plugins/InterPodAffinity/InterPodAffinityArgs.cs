namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>Upstream InterPodAffinityArgs (kubescheduler.config.k8s.io/v1), with its defaults.</summary>
public sealed record InterPodAffinityArgs
{
    /// <summary>Score an existing pod's required affinity term that the incoming pod matches as a preferred term of this weight (0-100).</summary>
    public int HardPodAffinityWeight { get; init; } = 1;

    /// <summary>Skip scoring when the incoming pod has no preferred terms, ignoring existing pods' preferences.</summary>
    public bool IgnorePreferredTermsOfExistingPods { get; init; }
}
