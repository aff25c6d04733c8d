using KubeSharp.Agent.Host;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Agent.Tests.Runtime;

/// <summary>Supervision and teardown of the agent's containerd; each test owns a whole runtime.</summary>
public sealed class ContainerdLifecycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Containerd_killed_with_sigkill_is_restarted_and_still_lists_the_running_pod()
    {
        var fx = new RuntimeFixture();
        await fx.InitializeAsync();
        try
        {
            var containerd = fx.Runtime.Containerd!;
            var config = Pods.Sandbox(fx.Options, "survivor");
            var sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
            var containerId = await Pods.StartContainerAsync(fx.Cri, sandboxId, config, Pods.Busybox("c", "sleep", "3600"));
            var oldPid = containerd.Pid!.Value;

            var killed = System.Diagnostics.Stopwatch.StartNew();
            Assert.True(Signals.Send(oldPid, Signals.SIGKILL));
            await Eventually.WaitAsync(() => Task.FromResult(containerd.Restarts >= 1 && containerd.Pid is { } p && p != oldPid),
                "the supervisor to restart containerd", TimeSpan.FromSeconds(60));
            Console.WriteLine($"[timing] containerd back after SIGKILL in {killed.ElapsedMilliseconds} ms (1 s back-off included)");
            // The restarted containerd is ready (the supervisor waited for RuntimeReady) and finds the pod again.
            var sandboxes = await fx.Cri.ListPodSandboxAsync(null, None);
            Assert.Contains(sandboxes, s => s.Id == sandboxId && s.State == PodSandboxState.SandboxReady);
            Assert.Equal(ContainerState.ContainerRunning, (await fx.Cri.ContainerStatusAsync(containerId, None))!.State);
            var exec = await fx.Cri.ExecSyncAsync(containerId, ["echo", "still-here"], TimeSpan.FromSeconds(30), None);
            Assert.Equal("still-here\n", exec.Stdout.ToStringUtf8());
        }
        finally
        {
            await fx.DisposeAsync();
        }
    }

    [Fact]
    public async Task Agent_restart_on_the_same_data_dir_finds_its_pods_and_images_again()
    {
        var fx = new RuntimeFixture();
        await fx.InitializeAsync();
        try
        {
            var config = Pods.Sandbox(fx.Options, "keep");
            var sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
            var busybox = await fx.Cri.ImageStatusAsync(new ImageSpec { Image = KubeSharp.Agent.Images.LocalImages.BusyboxImage }, None);
            var oldPid = fx.Runtime.Containerd!.Pid;

            var took = await fx.RestartAsync();
            Console.WriteLine($"[timing] node runtime restart on a warm data dir {took.TotalMilliseconds:F0} ms");
            Assert.NotEqual(oldPid, fx.Runtime.Containerd!.Pid);
            Assert.Contains(await fx.Cri.ListPodSandboxAsync(null, None), s => s.Id == sandboxId && s.State == PodSandboxState.SandboxReady);
            Assert.Equal(busybox!.Id, (await fx.Cri.ImageStatusAsync(new ImageSpec { Image = KubeSharp.Agent.Images.LocalImages.BusyboxImage }, None))!.Id);
        }
        finally
        {
            await fx.DisposeAsync();
        }
    }

    [Fact]
    public async Task Cleanup_removes_sandboxes_containerd_bridge_ipam_data_and_the_cni_iptables_rules()
    {
        var fx = new RuntimeFixture();
        await fx.InitializeAsync();
        string sandboxId;
        int pid;
        try
        {
            var config = Pods.Sandbox(fx.Options, "doomed");
            sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
            await Pods.StartContainerAsync(fx.Cri, sandboxId, config, Pods.Busybox("c", "sleep", "3600"));
            pid = fx.Runtime.Containerd!.Pid!.Value;
            // What cleanup has to undo, so the assertions below can fail: the bridge, the IP reservation, and the
            // masquerade rules the bridge plugin tagged with the sandbox id.
            Assert.True(Directory.Exists($"/sys/class/net/{fx.Options.BridgeName}"));
            Assert.Contains(Directory.GetFiles(Path.Combine(fx.Options.CniDataDir, fx.Options.NetworkName)), f => File.ReadAllText(f).Contains(sandboxId));
            Assert.Contains(sandboxId, await IptablesSaveAsync());
        }
        finally
        {
            await fx.DisposeAsync();
        }

        Assert.Null(Signals.CommandLine(pid));
        Assert.False(Directory.Exists($"/sys/class/net/{fx.Options.BridgeName}"));
        Assert.DoesNotContain(sandboxId, await IptablesSaveAsync());
        Assert.False(Directory.Exists(fx.Options.CniDataDir));
        Assert.False(Directory.Exists(fx.Options.DataDir));
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(fx.Options.DataDir));
    }

    private static async Task<string> IptablesSaveAsync()
    {
        var result = await HostCommand.RunCheckedAsync(HostPrerequisites.Require("iptables-save", "iptables"), ["-t", "nat"], TimeSpan.FromSeconds(30), None);
        return result;
    }
}
