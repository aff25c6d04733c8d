using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// Per service port, the objects the last render (or, in the proxier, the last successful sync) produced. Rendering
/// 10,000 services takes longer than the whole budget of a one-service change, so unchanged ports are not rendered
/// again. Not thread-safe: one per proxier.
/// </summary>
public sealed class NftablesRenderCache
{
    internal NftablesRenderOptions? Options { get; private set; }
    internal Dictionary<PortKey, (ServicePort Port, NftRuleset Fragment)> Fragments { get; private set; } = [];

    /// <summary>Every chain and set the fragments hold (what the kernel has besides the fixed part).</summary>
    internal IEnumerable<(string Name, string? SetKind)> Objects()
    {
        foreach (var (_, (_, fragment)) in Fragments)
        {
            foreach (var chain in fragment.Chains.Keys) yield return (chain, null);
            foreach (var (set, (kind, _)) in fragment.Sets) yield return (set, kind);
        }
    }

    internal void Replace(NftablesRenderOptions options, Dictionary<PortKey, (ServicePort, NftRuleset)> fragments)
    {
        Options = options;
        Fragments = fragments;
    }

    internal void Apply(NftablesRenderOptions options, IReadOnlyList<NftChange> changes)
    {
        Options = options;
        foreach (var change in changes)
        {
            if (change.New == null) Fragments.Remove(change.Key);
            else Fragments[change.Key] = (change.Port!, change.New);
        }
    }

    internal void Clear()
    {
        Options = null;
        Fragments = [];
    }
}

/// <summary>A service port's identity: namespace, service, port name, protocol (no string is built to look it up).</summary>
internal readonly record struct PortKey(string Namespace, string Name, string PortName, string Protocol)
{
    public static PortKey Of(ServicePort port) => new(port.Namespace, port.Name, port.PortName, port.Protocol);
}
