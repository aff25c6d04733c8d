using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Tests.Controllers.ServiceAccount;

[Collection(ClusterCollection.Name)]
public sealed class ServiceAccountTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Every_new_namespace_gets_a_default_service_account_which_comes_back_when_deleted()
    {
        var ns = await cluster.NewNamespaceAsync("sa");
        var accounts = cluster.Client.For<V1ServiceAccount>();
        V1ServiceAccount? first = null;
        await Eventually.WaitAsync(async () => (first = await TryGetAsync(accounts, ns)) != null, "default ServiceAccount");

        await accounts.DeleteAsync(ns, "default");
        V1ServiceAccount? second = null;
        await Eventually.WaitAsync(async () => (second = await TryGetAsync(accounts, ns)) != null && second.Metadata.Uid != first!.Metadata.Uid,
            "default ServiceAccount recreated");
        Assert.Single((await accounts.ListAsync(ns)).Items);
    }

    private static async Task<V1ServiceAccount?> TryGetAsync(ResourceClient<V1ServiceAccount> accounts, string ns)
    {
        try
        {
            return await accounts.GetAsync(ns, "default");
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }
}
