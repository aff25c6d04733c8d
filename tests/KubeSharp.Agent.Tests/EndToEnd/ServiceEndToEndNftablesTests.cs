namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>The data-plane tests of <see cref="ServiceDataPlaneTests"/> with kube-proxy in nftables mode (own table).</summary>
[Collection(ServiceEndToEndCollection.Name)]
public sealed class ServiceEndToEndNftablesTests(NftablesServiceNodeFixture node) : ServiceDataPlaneTests(node), IClassFixture<NftablesServiceNodeFixture>;

/// <summary>
/// The service end-to-end classes run one after the other: each brings up a whole node (containerd, pods, proxy), and
/// two at once on a loaded 2-core machine would only make the timing assertions (rules lag, fast reject) noisier.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceEndToEndCollection
{
    public const string Name = "service end-to-end";
}
