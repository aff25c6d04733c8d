using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Tests.Host;

public sealed class HostPrerequisitesTests
{
    [Fact]
    public void Missing_files_and_commands_name_their_debian_package()
    {
        HostRequirement[] wanted =
        [
            new("/nonexistent/kubesharp/catatonit", "catatonit", true),
            new("kubesharp-no-such-command", "containerd", false),
            new("/nonexistent/kubesharp/cni/bridge", "containernetworking-plugins", true),
            new("sh", "dash", false),
        ];
        var missing = HostPrerequisites.Missing(wanted);
        Assert.Equal(3, missing.Count);
        var e = new HostPrerequisiteException(missing);
        Assert.Equal(["catatonit", "containerd", "containernetworking-plugins"], e.Packages);
        Assert.Contains("apt-get install catatonit containerd containernetworking-plugins", e.Message);
        Assert.Contains("/nonexistent/kubesharp/catatonit (catatonit)", e.Message);
    }

    [Fact]
    public void The_node_set_covers_runtime_images_and_cni()
    {
        var required = HostPrerequisites.Required(new AgentOptions());
        foreach (var package in (string[])["containerd", "runc", "catatonit", "busybox-static", "containernetworking-plugins", "iptables", "iproute2"])
            Assert.Contains(required, r => r.Package == package);
        Assert.Contains(required, r => r.What == "/usr/lib/cni/bridge" && r.IsFile);
        // With an external runtime the agent does not start containerd itself.
        Assert.DoesNotContain(HostPrerequisites.Required(new AgentOptions { ContainerRuntimeEndpoint = "unix:///x.sock" }), r => r.What == "containerd");
    }

    // This machine is a node: the check passes here (the test script installs the packages first).
    [Fact]
    public void This_host_has_every_node_prerequisite()
    {
        HostPrerequisites.Ensure(new AgentOptions());
    }
}
