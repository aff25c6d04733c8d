using System.Net;
using System.Text.RegularExpressions;
using KubeSharp.Agent.Images;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Agent.Tests.Runtime;

/// <summary>The node runtime end to end: real containerd, runc, CNI bridge networking and the locally built images.</summary>
public sealed class NodeRuntimeTests(RuntimeFixture fx) : IClassFixture<RuntimeFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Containerd_answers_version_and_reports_runtime_and_network_ready()
    {
        var version = await fx.Cri.VersionAsync(None);
        Assert.Equal("containerd", version.RuntimeName);
        Assert.Equal("v1", version.RuntimeApiVersion);
        var status = await fx.Cri.StatusAsync(None);
        Assert.Contains(status.Conditions, c => c.Type == "RuntimeReady" && c.Status);
        // NetworkReady needs the agent's conflist: it proves containerd reads our CNI conf dir.
        Assert.Contains(status.Conditions, c => c.Type == "NetworkReady" && c.Status);
        Assert.True(File.Exists(fx.Options.ContainerdLogPath));
    }

    [Fact]
    public async Task Locally_built_images_are_listed_through_cri_with_their_repo_tags()
    {
        var images = await fx.Cri.ListImagesAsync(None);
        Assert.Contains(images, i => i.RepoTags.Contains(LocalImages.PauseImage));
        Assert.Contains(images, i => i.RepoTags.Contains(LocalImages.BusyboxImage));
        var busybox = await fx.Cri.ImageStatusAsync(new ImageSpec { Image = "busybox" }, None);
        Assert.NotNull(busybox);
        Assert.StartsWith("sha256:", busybox.Id);
        Assert.Contains(LocalImages.BusyboxImage, busybox.RepoTags);
        Assert.Null(await fx.Cri.ImageStatusAsync(new ImageSpec { Image = "docker.io/library/not-here:1" }, None));
    }

    [Fact]
    public async Task Archives_in_the_images_dir_are_imported_at_start_and_more_can_be_imported_later()
    {
        var atStart = await fx.Cri.ImageStatusAsync(new ImageSpec { Image = RuntimeFixture.ExtraImageName }, None);
        Assert.NotNull(atStart);
        Assert.Contains(RuntimeFixture.ExtraImageName, atStart.RepoTags);

        var later = Path.Combine(fx.Options.DataDir, "later.tar");
        const string name = "localhost/kubesharp-test/later:v2";
        await using (var archive = File.Create(later))
            RuntimeFixture.ExtraImage("later").WriteArchive(name, archive);
        var importer = new ImageImporter(fx.Options.ContainerdSocket, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal([name], await importer.ImportAsync(later, None));
        var image = await fx.Cri.ImageStatusAsync(new ImageSpec { Image = name }, None);
        Assert.NotNull(image);
        Assert.NotEqual(atStart.Id, image.Id);
    }

    [Fact]
    public async Task An_external_endpoint_is_used_without_starting_containerd()
    {
        var dir = TestHost.TempDir("ks-ext");
        try
        {
            var options = fx.Options with { DataDir = dir, ContainerRuntimeEndpoint = "unix://" + fx.Options.ContainerdSocket };
            await using var external = await NodeRuntime.StartAsync(options, ConsoleTestLoggerFactory.Instance, null, None);
            Assert.Null(external.Containerd);
            Assert.Equal(fx.Options.ContainerdSocket, external.Cri.SocketPath);
            Assert.False(File.Exists(options.ContainerdConfigPath));
            Assert.NotNull(await external.Cri.ImageStatusAsync(new ImageSpec { Image = LocalImages.PauseImage }, None));
        }
        finally
        {
            await RuntimeFixture.DeleteDataDirAsync(dir);
        }
    }

    [Fact]
    public async Task Sandbox_gets_an_ip_in_the_pod_cidr_and_an_exiting_container_reports_code_reason_and_log()
    {
        var config = Pods.Sandbox(fx.Options, "exit3");
        var sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
        var status = await fx.Cri.PodSandboxStatusAsync(sandboxId, None);
        Assert.NotNull(status);
        Assert.Equal(PodSandboxState.SandboxReady, status.State);
        Assert.True(IPNetwork.Parse(fx.Options.PodCidr).Contains(IPAddress.Parse(status.Network.Ip)), $"{status.Network.Ip} not in {fx.Options.PodCidr}");
        // netns_mounts_under_state_dir took effect: the pod's network namespace is mounted under our state dir.
        Assert.Contains(File.ReadAllLines("/proc/self/mountinfo"), l => l.Split(' ')[4].StartsWith(fx.Options.ContainerdState + "/", StringComparison.Ordinal) && l.Contains(" nsfs "));

        var containerId = await Pods.StartContainerAsync(fx.Cri, sandboxId, config, Pods.Busybox("main", "sh", "-c", "echo hi; exit 3"));
        ContainerStatus? cs = null;
        await Eventually.WaitAsync(async () => (cs = await fx.Cri.ContainerStatusAsync(containerId, None))?.State == ContainerState.ContainerExited, "container to exit");
        Assert.Equal(3, cs!.ExitCode);
        Assert.Equal("Error", cs.Reason);
        Assert.Equal(Path.Combine(config.LogDirectory, "main.log"), cs.LogPath);
        // CRI log format: RFC3339Nano timestamp, stream, P(artial)/F(ull) tag, the line.
        var lines = await File.ReadAllLinesAsync(cs.LogPath);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(Z|[+-]\d\d:\d\d) stdout F hi$"));
    }

    [Fact]
    public async Task ExecSync_returns_stdout_stderr_and_the_exit_code()
    {
        var config = Pods.Sandbox(fx.Options, "exec");
        var sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
        var containerId = await Pods.StartContainerAsync(fx.Cri, sandboxId, config, Pods.Busybox("sleeper", "sleep", "3600"));
        var result = await fx.Cri.ExecSyncAsync(containerId, ["sh", "-c", "echo out; echo err >&2; exit 7"], TimeSpan.FromSeconds(30), None);
        Assert.Equal("out\n", result.Stdout.ToStringUtf8());
        Assert.Equal("err\n", result.Stderr.ToStringUtf8());
        Assert.Equal(7, result.ExitCode);
        // Streaming (kubectl exec) goes through containerd's stream server at the configured address.
        var url = await fx.Cri.ExecAsync(new ExecRequest { ContainerId = containerId, Cmd = { "sh" }, Stdout = true }, None);
        Assert.StartsWith($"http://{fx.Options.StreamServerAddress}:", url);
        Assert.Contains("/exec/", url);
    }

    [Fact]
    public async Task Containers_of_a_sandbox_share_localhost_and_the_host_reaches_the_pod_ip()
    {
        var config = Pods.Sandbox(fx.Options, "web");
        var sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
        await Pods.StartContainerAsync(fx.Cri, sandboxId, config,
            Pods.Busybox("httpd", "sh", "-c", "echo hello-from-pod > /var/www/index.html && exec httpd -f -p 8080 -h /var/www"));
        var client = await Pods.StartContainerAsync(fx.Cri, sandboxId, config, Pods.Busybox("client", "sleep", "3600"));

        string? body = null;
        await Eventually.WaitAsync(async () =>
        {
            var r = await fx.Cri.ExecSyncAsync(client, ["wget", "-q", "-O", "-", "http://127.0.0.1:8080/"], TimeSpan.FromSeconds(10), None);
            body = r.Stdout.ToStringUtf8();
            return r.ExitCode == 0;
        }, "wget from the second container over localhost");
        Assert.Equal("hello-from-pod\n", body);

        var ip = (await fx.Cri.PodSandboxStatusAsync(sandboxId, None))!.Network.Ip;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal("hello-from-pod\n", await http.GetStringAsync($"http://{ip}:8080/"));
    }

    [Fact]
    public async Task Stop_and_remove_are_idempotent_and_lookups_of_unknown_ids_return_null()
    {
        var config = Pods.Sandbox(fx.Options, "gone");
        var sandboxId = await Pods.RunSandboxAsync(fx.Cri, config);
        var containerId = await Pods.StartContainerAsync(fx.Cri, sandboxId, config, Pods.Busybox("c", "sleep", "3600"));

        await fx.Cri.StopContainerAsync(containerId, 0, None);
        await fx.Cri.StopContainerAsync(containerId, 0, None);
        Assert.Equal(ContainerState.ContainerExited, (await fx.Cri.ContainerStatusAsync(containerId, None))!.State);
        await fx.Cri.RemoveContainerAsync(containerId, None);
        await fx.Cri.RemoveContainerAsync(containerId, None);
        Assert.Null(await fx.Cri.ContainerStatusAsync(containerId, None));

        await fx.Cri.StopPodSandboxAsync(sandboxId, None);
        await fx.Cri.StopPodSandboxAsync(sandboxId, None);
        await fx.Cri.RemovePodSandboxAsync(sandboxId, None);
        await fx.Cri.RemovePodSandboxAsync(sandboxId, None);
        Assert.Null(await fx.Cri.PodSandboxStatusAsync(sandboxId, None));
        Assert.DoesNotContain(await fx.Cri.ListPodSandboxAsync(null, None), s => s.Id == sandboxId);
    }
}
