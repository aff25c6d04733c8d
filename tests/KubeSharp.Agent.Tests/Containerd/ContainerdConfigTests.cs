using KubeSharp.Agent.Containerd;
using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Tests.Containerd;

public sealed class ContainerdConfigTests
{
    private static readonly AgentOptions Options = new()
    {
        DataDir = "/tmp/ks-cfg",
        StreamServerAddress = "10.9.0.2",
        StreamServerPort = 10010,
    };

    [Theory]
    [InlineData("version = 2")]
    [InlineData("root = \"/tmp/ks-cfg/containerd/root\"")]
    [InlineData("state = \"/tmp/ks-cfg/containerd/state\"")]
    [InlineData("address = \"/tmp/ks-cfg/containerd/containerd.sock\"")]
    [InlineData("restrict_oom_score_adj = true")]
    [InlineData("netns_mounts_under_state_dir = true")]
    [InlineData("sandbox_image = \"registry.k8s.io/pause:3.10\"")]
    [InlineData("stream_server_address = \"10.9.0.2\"")]
    [InlineData("stream_server_port = \"10010\"")]
    [InlineData("bin_dir = \"/usr/lib/cni\"")]
    [InlineData("conf_dir = \"/tmp/ks-cfg/cni/net.d\"")]
    [InlineData("max_conf_num = 1")]
    [InlineData("Root = \"/tmp/ks-cfg/containerd/state/runc\"")]
    [InlineData("SystemdCgroup = false")]
    [InlineData("config_path = \"/tmp/ks-cfg/registry.d\"")]
    public void Rendered_config_sets(string line)
    {
        var lines = ContainerdConfig.Render(Options).Split('\n').Select(l => l.Trim());
        Assert.Contains(line, lines);
    }

    [Fact]
    public void Unusable_snapshotters_are_disabled()
    {
        var text = ContainerdConfig.Render(Options);
        var disabled = text.Split('\n').Single(l => l.StartsWith("disabled_plugins", StringComparison.Ordinal));
        foreach (var name in (string[])["aufs", "btrfs", "zfs", "devmapper"])
            Assert.Contains($"\"io.containerd.snapshotter.v1.{name}\"", disabled);
        Assert.DoesNotContain("overlayfs", disabled);
    }

    [Fact]
    public void Toml_strings_are_escaped()
    {
        Assert.Equal("\"a\\\"b\\\\c\\u0009\"", ContainerdConfig.Quote("a\"b\\c\t"));
    }

    // containerd drops keys it does not know without a word; its own dump of the merged config shows that every
    // setting we rely on is understood by the installed version (1.6 here).
    [Fact]
    public async Task Installed_containerd_understands_every_setting()
    {
        var dir = TestHost.TempDir("ks-cfg");
        try
        {
            var options = Options with { DataDir = dir };
            ContainerdConfig.Write(options);
            var containerd = HostPrerequisites.Require("containerd", "containerd");
            var dump = await HostCommand.RunCheckedAsync(containerd, ["--config", options.ContainerdConfigPath, "config", "dump"], TimeSpan.FromSeconds(60), CancellationToken.None);
            var lines = dump.Split('\n').Select(l => l.Trim()).ToList();
            Assert.Contains("restrict_oom_score_adj = true", lines);
            Assert.Contains("netns_mounts_under_state_dir = true", lines);
            Assert.Contains($"Root = \"{options.RuncRoot}\"", lines);
            Assert.Contains($"address = \"{options.ContainerdSocket}\"", lines);
            Assert.Contains($"conf_dir = \"{options.CniConfDir}\"", lines);
            Assert.Contains($"config_path = \"{options.RegistryConfigDir}\"", lines);
            Assert.Contains("stream_server_port = \"10010\"", lines);
            Assert.Contains("sandbox_image = \"registry.k8s.io/pause:3.10\"", lines);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
