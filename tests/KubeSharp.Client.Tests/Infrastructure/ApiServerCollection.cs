namespace KubeSharp.Client.Tests.Infrastructure;

/// <summary>Integration test classes share one server (its PKI generation dominates start-up).</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "api-server";
}
