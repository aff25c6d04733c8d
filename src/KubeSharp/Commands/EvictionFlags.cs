using KubeSharp.Kubelet.Eviction;

namespace KubeSharp.Cli.Commands;

/// <summary>
/// The kubelet's eviction flags (upstream's names and formats), shared by <c>kubelet</c>, <c>agent</c> and
/// <c>server</c>: --eviction-hard, --eviction-soft, --eviction-soft-grace-period, --eviction-minimum-reclaim,
/// --eviction-pressure-transition-period, --eviction-max-pod-grace-period.
/// </summary>
public static class EvictionFlags
{
    public static EvictionPolicy From(Flags flags) => EvictionPolicy.Parse(
        flags.Get("eviction-hard"),
        flags.Get("eviction-soft"),
        flags.Get("eviction-soft-grace-period"),
        flags.Get("eviction-minimum-reclaim"),
        flags.Get("eviction-pressure-transition-period"),
        flags.GetInt("eviction-max-pod-grace-period", 0));
}
