using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Nftables;

/// <summary>One port whose objects change: Old is what the kernel has (null: new port), New what it should have (null: removed).</summary>
public sealed record NftChange
{
    internal NftChange(PortKey key, NftRuleset? old, ServicePort? port, NftRuleset? @new)
    {
        Key = key;
        Old = old;
        Port = port;
        New = @new;
    }

    internal PortKey Key { get; }
    public NftRuleset? Old { get; }
    public ServicePort? Port { get; }
    public NftRuleset? New { get; }
}

/// <summary>An incremental sync's input: the fixed part of the layout and the ports that changed.</summary>
public sealed class NftDelta(NftRuleset fixedPart, IReadOnlyList<NftChange> changes, NftablesRenderOptions options, int ruleCount)
{
    public NftRuleset Fixed { get; } = fixedPart;
    public IReadOnlyList<NftChange> Changes { get; } = changes;
    /// <summary>Rules of the whole table after this delta.</summary>
    public int RuleCount { get; } = ruleCount;

    /// <summary>Records the delta as applied: the cache then describes the kernel's table again.</summary>
    public void CommitTo(NftablesRenderCache cache) => cache.Apply(options, Changes);
}
