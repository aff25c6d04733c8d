namespace KubeSharp.Kubelet.Tests.Infrastructure;

/// <summary>One API server for every kubelet test class; each test runs its own kubelet under a node name of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "api";
}
