namespace KubeSharp.Kubelet.Tests.Server;

[Collection(ApiCollection.Name)]
public sealed class HostingTests(ApiServerFixture api)
{
    // ASP.NET Core's slim builder loads appsettings.json with reload-on-change: a recursive FileSystemWatcher on the
    // working directory, i.e. on the whole tree when a node is started from /. Neither the API server (the fixture
    // runs one in this process) nor the kubelet's server may watch it.
    [Fact]
    public async Task Neither_server_watches_the_working_directory()
    {
        await using var node = await TestNode.StartAsync(api, o => o with
        {
            EnableServer = true,
            Port = 0,
            ServerBindAddress = System.Net.IPAddress.Loopback,
        });
        Assert.NotNull(node.Kubelet);
        Assert.Equal(0, InotifyWatches.On(Directory.GetCurrentDirectory()));
    }
}
