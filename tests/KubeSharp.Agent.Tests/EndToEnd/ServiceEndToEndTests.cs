namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// Services over real pods with kube-proxy in iptables mode (upstream's default): the tests of
/// <see cref="ServiceDataPlaneTests"/>. The endpoints controllers run in-process; the agent's proxy programs the
/// host's tables with its own chain prefix and service CIDR.
/// </summary>
[Collection(ServiceEndToEndCollection.Name)]
public sealed class ServiceEndToEndTests(ServiceNodeFixture node) : ServiceDataPlaneTests(node), IClassFixture<ServiceNodeFixture>;

/// <summary>
/// The service end-to-end classes run one after the other: each brings up a whole node (containerd, pods, proxy), and
/// two at once on a loaded 2-core machine would only make the timing assertions (rules lag, fast reject) noisier.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceEndToEndCollection
{
    public const string Name = "service end-to-end";
}
