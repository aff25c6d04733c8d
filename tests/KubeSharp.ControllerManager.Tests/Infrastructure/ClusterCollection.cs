namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>One cluster for every controller test class: starting an API server per class would dominate run time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
