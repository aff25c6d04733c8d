using System.Diagnostics;
using k8s.Models;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet.Cri.Fake;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Tests.Pods;

[Collection(ApiCollection.Name)]
public sealed class PodTerminationTests(ApiServerFixture api)
{
    [Fact]
    public async Task Deletion_runs_preStop_honours_the_grace_period_cleans_up_and_confirms()
    {
        await using var node = await TestNode.StartAsync(api);
        node.Runtime.Script = _ => new FakeContainerScript { IgnoreSigterm = true };
        var execs = new List<string>();
        node.Runtime.ExecHandler = (c, cmd) =>
        {
            lock (execs) execs.Add($"{c.Name}: {string.Join(' ', cmd)}");
            return new ExecSyncResponse { ExitCode = 0 };
        };
        var ns = await api.NewNamespaceAsync("del");
        var spec = node.Pod(ns, "slow", TestNode.Container("c"));
        spec.Spec.TerminationGracePeriodSeconds = 3;
        spec.Spec.Containers[0].Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Exec = new V1ExecAction { Command = ["/bin/drain"] } } };
        var created = await node.CreateAsync(spec);
        await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running");
        var uid = created.Metadata.Uid;
        var podDir = Path.Combine(node.Options.RootDir, "pods", uid);
        Assert.True(Directory.Exists(podDir));

        var watch = Stopwatch.StartNew();
        var marked = await api.Client.For<V1Pod>().DeleteAsync(ns, "slow");
        Assert.NotNull(marked?.Metadata.DeletionTimestamp);
        await Eventually.WaitAsync(async () =>
        {
            try
            {
                await node.GetAsync(created);
                return false;
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                return true;
            }
        }, "pod deleted", TimeSpan.FromSeconds(30));
        // The container ignores SIGTERM, so the runtime waited the full grace period before the kill.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.9), $"deleted after {watch.Elapsed}");
        Assert.Contains("StopContainer", string.Join('\n', node.Runtime.Calls));
        Assert.Contains(node.Runtime.Calls, c => c.StartsWith("StopContainer ", StringComparison.Ordinal) && c.EndsWith(" 3", StringComparison.Ordinal));
        lock (execs) Assert.Equal(["c: /bin/drain"], execs);
        Assert.Empty(node.Runtime.Sandboxes);
        Assert.Empty(node.Runtime.Containers);
        Assert.False(Directory.Exists(podDir));
        Assert.False(Directory.Exists(Path.Combine(node.Options.PodLogsDir, $"{ns}_slow_{uid}")));
    }

    [Fact]
    public async Task Restarted_kubelet_adopts_running_containers_without_restarting_them()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("adopt");
        var created = await node.CreateAsync(node.Pod(ns, "p", TestNode.Container("c")));
        var before = await node.WaitForAsync(created, p => p.Status?.Phase == "Running" && TestNode.IsReady(p), "Running");
        var containerId = before.Status.ContainerStatuses.Single().ContainerID;

        await node.RestartKubeletAsync();
        // Let the new kubelet relist and sync the pod a few times (its status write is a no-op when nothing changed).
        await Eventually.WaitAsync(() => node.Runtime.Calls.Count(c => c.StartsWith("Version", StringComparison.Ordinal)) >= 4, "second start");
        // Several PLEG relists (200 ms each) and syncs of the adopted pod happen in this window.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var after = await node.WaitForAsync(created, p => p.Status?.Phase == "Running" && TestNode.IsReady(p), "still Running");
        Assert.Equal(containerId, after.Status.ContainerStatuses.Single().ContainerID);
        Assert.Equal(0, after.Status.ContainerStatuses.Single().RestartCount);
        Assert.Single(node.Runtime.Sandboxes);
        Assert.Equal(1, node.Runtime.Calls.Count(c => c.StartsWith("StartContainer", StringComparison.Ordinal)));
        Assert.Equal(1, node.Runtime.Calls.Count(c => c.StartsWith("RunPodSandbox", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pods_deleted_while_the_kubelet_was_down_and_runtime_orphans_are_removed_at_start()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("orphan");
        var created = await node.CreateAsync(node.Pod(ns, "gone", TestNode.Container("c")));
        var kept = await node.CreateAsync(node.Pod(ns, "kept", TestNode.Container("c")));
        await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running");
        await node.WaitForAsync(kept, p => p.Status?.Phase == "Running", "Running");
        await node.StopKubeletAsync();

        // Force deletion (grace 0) while the kubelet is away, plus a sandbox no pod ever owned.
        await api.Client.For<V1Pod>().DeleteAsync(ns, "gone", new V1DeleteOptions { GracePeriodSeconds = 0 });
        var stray = new PodSandboxConfig { Metadata = new PodSandboxMetadata { Name = "stray", Namespace = ns, Uid = Guid.NewGuid().ToString() } };
        stray.Labels["io.kubernetes.pod.uid"] = stray.Metadata.Uid;
        await node.Runtime.RunPodSandboxAsync(stray, "", CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(node.Options.RootDir, "pods", "leftover-uid", "volumes"));

        await node.StartKubeletAsync();
        await Eventually.WaitAsync(() => node.Runtime.Sandboxes.All(s => s.Config.Metadata.Name == "kept"), "orphans removed");
        Assert.DoesNotContain(node.Runtime.Containers, c => c.PodName != "kept");
        Assert.Single(node.Runtime.ContainersOf("kept", "c"));
        await Eventually.WaitAsync(() => !Directory.Exists(Path.Combine(node.Options.RootDir, "pods", created.Metadata.Uid)), "pod dir removed");
        await Eventually.WaitAsync(() => !Directory.Exists(Path.Combine(node.Options.RootDir, "pods", "leftover-uid")), "leftover dir removed");
    }

    [Fact]
    public async Task A_dead_sandbox_is_recreated_and_its_containers_restarted()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("sandbox");
        var created = await node.CreateAsync(node.Pod(ns, "p", TestNode.Container("c")));
        var first = await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running");
        node.Runtime.KillSandbox(node.Runtime.Sandboxes.Single().Id);

        var pod = await node.WaitForAsync(created, p => p.Status?.ContainerStatuses?.Single().RestartCount == 1
            && p.Status.ContainerStatuses.Single().State.Running != null, "restarted in a new sandbox");
        var ready = node.Runtime.Sandboxes.Single(s => s.State == PodSandboxState.SandboxReady);
        Assert.Equal(1u, ready.Config.Metadata.Attempt);
        Assert.Equal(ready.Ip, pod.Status.PodIP);
        Assert.NotEqual(first.Status.ContainerStatuses.Single().ContainerID, pod.Status.ContainerStatuses.Single().ContainerID);
    }
}
