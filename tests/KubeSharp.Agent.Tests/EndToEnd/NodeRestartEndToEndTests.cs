using k8s.Models;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// Running pods outlive the node's processes: a new agent (kubelet + containerd) adopts them, and the agent brings
/// back a containerd killed with SIGKILL. A node of its own, since both tests stop parts of it.
/// </summary>
public sealed class NodeRestartEndToEndTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    /// <summary>A pod whose readiness follows /tmp/ready (created at start), so a probe result shows a live kubelet.</summary>
    private static V1Pod ProbedPod(string ns, string name)
    {
        var c = Busybox("app", "touch /tmp/ready; while true; do sleep 1; done");
        c.ReadinessProbe = FileProbe("/tmp/ready");
        return Pod(ns, name, c);
    }

    [Fact]
    public async Task A_restarted_agent_adopts_running_containers()
    {
        var ns = await node.NewNamespaceAsync("adopt");
        try
        {
            var before = (await node.RunPodAsync(ProbedPod(ns, "app"))).Status.ContainerStatuses[0];
            await node.RestartAgentAsync();

            // The new kubelet probes the adopted container: readiness follows the file again.
            await node.Kubectl.OkAsync("exec", "-n", ns, "app", "--", "rm", "/tmp/ready");
            await node.WaitPodAsync(ns, "app", p => p.Status.ContainerStatuses[0].Ready == false, "not ready after the file went");
            await node.Kubectl.OkAsync("exec", "-n", ns, "app", "--", "touch", "/tmp/ready");
            var after = await node.WaitRunningAsync(ns, "app");

            var status = after.Status.ContainerStatuses[0];
            Assert.Equal(before.ContainerID, status.ContainerID);
            Assert.Equal(0, status.RestartCount);
            Assert.Equal(before.State.Running.StartedAt, status.State.Running.StartedAt);
            Assert.Equal("Running", after.Status.Phase);
            // Nothing was recreated behind the API's back: still one sandbox and one container for the pod.
            var containers = await node.Agent.Runtime.Cri.ListContainersAsync(null, CancellationToken.None);
            Assert.Single(containers, c => c.Labels["io.kubernetes.pod.namespace"] == ns);
            var sandboxes = await node.Agent.Runtime.Cri.ListPodSandboxAsync(null, CancellationToken.None);
            Assert.Single(sandboxes, s => s.Labels["io.kubernetes.pod.namespace"] == ns);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Containerd_killed_with_SIGKILL_is_restarted_and_the_pod_keeps_running()
    {
        var ns = await node.NewNamespaceAsync("ctrd");
        try
        {
            var before = (await node.RunPodAsync(ProbedPod(ns, "app"))).Status.ContainerStatuses[0];
            var containerd = node.Agent.Runtime.Containerd!;
            var restarts = containerd.Restarts;
            var pid = containerd.Pid ?? throw new InvalidOperationException("containerd has no pid");
            System.Diagnostics.Process.GetProcessById(pid).Kill();
            await Eventually.WaitAsync(() => containerd.Restarts > restarts && containerd.Pid != pid, "containerd to be restarted", TimeSpan.FromSeconds(60));

            // The container was never restarted, and the kubelet works on it through the new containerd.
            Assert.Equal("still here\n", await Eventually.ValueAsync(
                async () => (await node.Kubectl.RunAsync(["exec", "-n", ns, "app", "--", "echo", "still here"])).Stdout,
                s => s == "still here\n", "exec through the new containerd", TimeSpan.FromSeconds(60)));
            await node.Kubectl.OkAsync("exec", "-n", ns, "app", "--", "rm", "/tmp/ready");
            await node.WaitPodAsync(ns, "app", p => p.Status.ContainerStatuses[0].Ready == false, "not ready after the file went");
            await node.Kubectl.OkAsync("exec", "-n", ns, "app", "--", "touch", "/tmp/ready");
            var after = (await node.WaitRunningAsync(ns, "app")).Status.ContainerStatuses[0];
            Assert.Equal(before.ContainerID, after.ContainerID);
            Assert.Equal(0, after.RestartCount);

            // New pods start on the restarted runtime.
            await node.RunPodAsync(Pod(ns, "fresh", Busybox("fresh", "while true; do sleep 1; done")));
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
