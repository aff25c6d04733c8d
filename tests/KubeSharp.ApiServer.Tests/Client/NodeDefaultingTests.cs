using k8s;
using k8s.Models;
using KubeSharp.ApiServer.Tests.Infrastructure;

namespace KubeSharp.ApiServer.Tests.Client;

/// <summary>upstream's SetDefaults_NodeStatus applies to every Node write: allocatable defaults to capacity.</summary>
public sealed class NodeDefaultingTests(ApiServerFixture f) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task Allocatable_defaults_to_capacity_on_create_and_on_status_update()
    {
        using var client = f.Client();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var withStatus = await client.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "dflt-a-" + suffix },
            Status = new V1NodeStatus { Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("4"), ["pods"] = new("110") } },
        });
        Assert.Equal("4", withStatus.Status.Allocatable["cpu"].ToString());
        Assert.Equal("110", withStatus.Status.Allocatable["pods"].ToString());

        var bare = await client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "dflt-b-" + suffix } });
        Assert.Null(bare.Status?.Allocatable);
        bare.Status = new V1NodeStatus { Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8"), ["memory"] = new("32Gi") } };
        var updated = await client.CoreV1.ReplaceNodeStatusAsync(bare, bare.Metadata.Name);
        Assert.Equal("8", updated.Status.Allocatable["cpu"].ToString());
        Assert.Equal("32Gi", updated.Status.Allocatable["memory"].ToString());

        // An explicit allocatable is kept.
        updated.Status.Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("7") };
        var kept = await client.CoreV1.ReplaceNodeStatusAsync(updated, updated.Metadata.Name);
        Assert.Equal("7", kept.Status.Allocatable["cpu"].ToString());

        await client.CoreV1.DeleteNodeAsync(withStatus.Metadata.Name);
        await client.CoreV1.DeleteNodeAsync(bare.Metadata.Name);
    }
}
