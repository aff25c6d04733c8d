using KubeSharp.Proxy.Model;

namespace KubeSharp.Proxy.Nftables;

/// <summary>
/// Per service port, the objects the last render produced. Rendering 10,000 services takes longer than the whole
/// budget of a one-service change, so unchanged ports are not rendered again. Not thread-safe: one per proxier.
/// </summary>
public sealed class NftablesRenderCache
{
    internal NftablesRenderOptions? Options { get; private set; }
    internal IReadOnlyDictionary<string, (ServicePort Port, NftRuleset Fragment)> Fragments { get; private set; } =
        new Dictionary<string, (ServicePort, NftRuleset)>();

    internal void Replace(NftablesRenderOptions options, Dictionary<string, (ServicePort, NftRuleset)> fragments)
    {
        Options = options;
        Fragments = fragments;
    }
}
