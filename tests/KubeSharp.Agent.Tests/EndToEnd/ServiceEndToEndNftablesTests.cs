namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>The tests of <see cref="ServiceDataPlaneTests"/> with kube-proxy in nftables mode (a table of its own).</summary>
[Collection(ServiceEndToEndCollection.Name)]
public sealed class ServiceEndToEndNftablesTests(NftablesServiceNodeFixture node) : ServiceDataPlaneTests(node), IClassFixture<NftablesServiceNodeFixture>;
