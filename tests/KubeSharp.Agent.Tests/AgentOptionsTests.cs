namespace KubeSharp.Agent.Tests;

public sealed class AgentOptionsTests
{
    [Fact]
    public void Every_host_path_is_under_the_data_dir()
    {
        var o = new AgentOptions { DataDir = "/srv/node1" };
        foreach (var path in (string[])[o.ContainerdRoot, o.ContainerdState, o.ContainerdSocket, o.ContainerdLogPath, o.RuncRoot, o.CniConfDir, o.CniDataDir, o.ImagesDir, o.ImageCacheDir, o.RegistryConfigDir])
            Assert.StartsWith("/srv/node1/", path);
        Assert.Equal("unix:///srv/node1/containerd/containerd.sock", o.CriEndpoint);
        Assert.Equal("unix:///run/other.sock", (o with { ContainerRuntimeEndpoint = "unix:///run/other.sock" }).CriEndpoint);
    }

    [Theory]
    [InlineData("relative/dir", "kubesharp0", "10.244.0.0/24", "absolute")]
    [InlineData("/tmp/x", "a-bridge-name-too-long", "10.244.0.0/24", "1-15 characters")]
    [InlineData("/tmp/x", "br0", "10.244.0.5/24", "IPv4 network")]
    [InlineData("/tmp/x", "br0", "fd00::/64", "IPv4 network")]
    public void Invalid_options_are_rejected(string dataDir, string bridge, string cidr, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new AgentOptions { DataDir = dataDir, BridgeName = bridge, PodCidr = cidr }.Validate());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_data_dir_too_long_for_the_socket_path_is_rejected_unless_an_external_endpoint_is_used()
    {
        var longDir = "/tmp/" + new string('d', 90);
        Assert.Throws<ArgumentException>(() => new AgentOptions { DataDir = longDir }.Validate());
        new AgentOptions { DataDir = longDir, ContainerRuntimeEndpoint = "unix:///run/containerd/containerd.sock" }.Validate();
    }
}
