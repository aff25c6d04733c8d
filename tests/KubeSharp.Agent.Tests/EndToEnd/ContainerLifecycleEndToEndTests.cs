using System.Diagnostics;
using k8s.Models;
using KubeSharp.Testing;
using static KubeSharp.Agent.Tests.EndToEnd.E2ePods;
using Eventually = KubeSharp.Testing.Eventually;

namespace KubeSharp.Agent.Tests.EndToEnd;

/// <summary>
/// The kubelet's container lifecycle with real containers (containerd, runc, cgroups): OOM kills, crash-loop
/// back-off, liveness and readiness probes (readiness seen through Endpoints and EndpointSlices), graceful
/// termination with preStop hooks, and attach.
/// </summary>
public sealed class ContainerLifecycleEndToEndTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task A_container_over_its_memory_limit_is_OOMKilled_and_restarted()
    {
        var ns = await node.NewNamespaceAsync("oom");
        try
        {
            // The string doubles until the cgroup's 16Mi limit makes the kernel kill the shell. Two pods at once:
            // one restarts (Always), the other stays terminated (Never) and fails.
            var always = HogPod(ns, "hog", "Always");
            var never = HogPod(ns, "hog-once", "Never");
            await Task.WhenAll(node.Client.For<V1Pod>().CreateAsync(always), node.Client.For<V1Pod>().CreateAsync(never));

            var seen = await node.WaitPodAsync(ns, "hog", p => p.Status?.ContainerStatuses?.FirstOrDefault() is { RestartCount: >= 1, LastState.Terminated: not null },
                "restarted after a termination", TimeSpan.FromSeconds(90));
            var status = seen.Status.ContainerStatuses[0];
            Assert.Equal("OOMKilled", status.LastState.Terminated.Reason);
            Assert.Equal(137, status.LastState.Terminated.ExitCode);

            var failed = await node.WaitPodAsync(ns, "hog-once", p => p.Status?.Phase == "Failed", "Failed", TimeSpan.FromSeconds(90));
            var once = failed.Status.ContainerStatuses[0];
            Assert.Equal("OOMKilled", once.State.Terminated.Reason);
            Assert.Equal(137, once.State.Terminated.ExitCode);
            Assert.Equal(0, once.RestartCount);
            Assert.Matches(@"hog-once\s+0/1\s+OOMKilled\s+0", await node.Kubectl.OkAsync("get", "pod", "-n", ns, "hog-once"));
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    private V1Pod HogPod(string ns, string name, string restartPolicy)
    {
        var hog = Busybox("hog", "x=a; while true; do x=$x$x; done");
        hog.Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("16Mi") } };
        var pod = Pod(ns, name, hog);
        pod.Spec.RestartPolicy = restartPolicy;
        pod.Spec.NodeName = node.NodeName;
        return pod;
    }

    [Fact]
    public async Task A_crashing_container_backs_off_with_CrashLoopBackOff()
    {
        var ns = await node.NewNamespaceAsync("crash");
        try
        {
            var pod = Pod(ns, "crash", Busybox("crash", "echo dying; exit 1"));
            pod.Spec.RestartPolicy = "Always";
            pod.Spec.NodeName = node.NodeName;
            await node.Client.For<V1Pod>().CreateAsync(pod);

            // The first restart is immediate, the second waits 10 s: the container sits in CrashLoopBackOff in between.
            var seen = await node.WaitPodAsync(ns, "crash",
                p => p.Status?.ContainerStatuses?.FirstOrDefault() is { RestartCount: >= 2, State.Waiting.Reason: "CrashLoopBackOff" },
                "restartCount >= 2 and waiting in CrashLoopBackOff", TimeSpan.FromSeconds(90));
            var status = seen.Status.ContainerStatuses[0];
            // Restart 1 was immediate, restart 2 came after 10 s; the next waits 20 s.
            Assert.Equal(2, status.RestartCount);
            Assert.StartsWith("back-off 20s restarting failed container=crash", status.State.Waiting.Message);
            Assert.Equal(1, status.LastState.Terminated.ExitCode);
            Assert.Equal("Error", status.LastState.Terminated.Reason);
            Assert.False(status.Ready);
            Assert.Equal("Running", seen.Status.Phase);
            Assert.Matches(@"crash\s+0/1\s+CrashLoopBackOff\s+2 ", await node.Kubectl.OkAsync("get", "pod", "-n", ns, "crash"));
            await Eventually.ValueAsync(() => EventsAsync(node.Client, ns, "crash"), events => events.Any(e => e.Reason == "BackOff"), "a BackOff event");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task A_failing_liveness_probe_restarts_the_container_once()
    {
        var ns = await node.NewNamespaceAsync("live");
        try
        {
            // The first run turns unhealthy after 3 s; the restarted container (same emptyDir) stays healthy.
            var c = Busybox("app", "touch /tmp/healthy; if [ ! -e /state/started ]; then touch /state/started; (sleep 3; rm -f /tmp/healthy) & fi; while true; do sleep 1; done");
            c.LivenessProbe = FileProbe("/tmp/healthy");
            c.VolumeMounts = [new V1VolumeMount { Name = "state", MountPath = "/state" }];
            var pod = Pod(ns, "live", c);
            pod.Spec.Volumes = [new V1Volume { Name = "state", EmptyDir = new V1EmptyDirVolumeSource() }];
            pod.Spec.NodeName = node.NodeName;
            await node.Client.For<V1Pod>().CreateAsync(pod);

            var restarted = await node.WaitPodAsync(ns, "live",
                p => p.Status?.ContainerStatuses?.FirstOrDefault() is { RestartCount: >= 1, State.Running: not null, Ready: true },
                "restarted and running again", TimeSpan.FromSeconds(60));
            var status = restarted.Status.ContainerStatuses[0];
            Assert.Equal(1, status.RestartCount);
            Assert.NotNull(status.LastState.Terminated);
            Assert.NotEqual(status.LastState.Terminated.ContainerID, status.ContainerID);
            var events = await Eventually.ValueAsync(() => EventsAsync(node.Client, ns, "live"),
                e => e.Any(x => x.Reason == "Unhealthy") && e.Any(x => x.Reason == "Killing"), "Unhealthy and Killing events");
            Assert.Contains(events, e => e.Reason == "Unhealthy" && e.Message.Contains("Liveness probe failed", StringComparison.Ordinal));
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    [Fact]
    public async Task Readiness_flips_the_pod_and_its_place_in_Endpoints_and_EndpointSlices()
    {
        var ns = await node.NewNamespaceAsync("ready");
        try
        {
            var c = Busybox("web", HostnameServer, 8080);
            c.ReadinessProbe = FileProbe("/tmp/ready");
            var pod = Pod(ns, "web", c);
            pod.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
            pod.Spec.NodeName = node.NodeName;
            await node.Client.For<V1Service>().CreateAsync(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = ns },
                Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
            });
            await node.Client.For<V1Pod>().CreateAsync(pod);

            // Running but not ready: the address is listed as not ready.
            var running = await node.WaitPodAsync(ns, "web", p => p.Status?.Phase == "Running" && p.Status.PodIP != null, "running");
            var ip = running.Status.PodIP;
            await ExpectEndpointAsync(ns, ip, ready: false);
            Assert.Equal("False", (await node.Client.For<V1Pod>().GetAsync(ns, "web")).Status.Conditions.Single(x => x.Type == "Ready").Status);

            await node.Kubectl.OkAsync("exec", "-n", ns, "web", "--", "touch", "/tmp/ready");
            await node.WaitPodAsync(ns, "web", p => p.Status.Conditions.Any(x => x.Type == "Ready" && x.Status == "True"), "Ready");
            await ExpectEndpointAsync(ns, ip, ready: true);

            await node.Kubectl.OkAsync("exec", "-n", ns, "web", "--", "rm", "/tmp/ready");
            await node.WaitPodAsync(ns, "web", p => p.Status.Conditions.Any(x => x.Type == "Ready" && x.Status == "False"), "not Ready again");
            await ExpectEndpointAsync(ns, ip, ready: false);
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }

    private async Task ExpectEndpointAsync(string ns, string ip, bool ready)
    {
        await Eventually.ValueAsync(() => node.Client.For<V1Endpoints>().GetAsync(ns, "web"), e =>
        {
            var subset = e.Subsets?.SingleOrDefault();
            var list = ready ? subset?.Addresses : subset?.NotReadyAddresses;
            var other = ready ? subset?.NotReadyAddresses : subset?.Addresses;
            return list?.Any(a => a.Ip == ip) == true && other?.Any(a => a.Ip == ip) != true;
        }, $"Endpoints listing {ip} as {(ready ? "ready" : "not ready")}", TimeSpan.FromSeconds(30));
        await Eventually.ValueAsync(() => node.Client.For<V1EndpointSlice>().ListAsync(ns, new() { LabelSelector = "kubernetes.io/service-name=web" }),
            l => l.Items.SelectMany(s => s.Endpoints ?? []).SingleOrDefault(x => x.Addresses.Contains(ip))?.Conditions?.Ready == ready,
            $"EndpointSlice endpoint {ip} ready={ready}", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Deletion_runs_preStop_then_SIGTERM_and_kills_only_after_the_grace_period()
    {
        var ns = await node.NewNamespaceAsync("stop");
        var dir = TestHost.TempDir("ks-stop");
        try
        {
            // One container leaves on SIGTERM (after its preStop hook ran); the other ignores SIGTERM.
            var polite = Busybox("polite", "trap 'echo term >> /out/log; exit 0' TERM; echo started >> /out/log; while true; do sleep 0.2; done");
            polite.Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Exec = new V1ExecAction { Command = ["sh", "-c", "echo prestop >> /out/log"] } } };
            polite.VolumeMounts = [new V1VolumeMount { Name = "out", MountPath = "/out" }];
            var politePod = Pod(ns, "polite", polite);
            politePod.Spec.TerminationGracePeriodSeconds = 30;
            politePod.Spec.Volumes = [new V1Volume { Name = "out", HostPath = new V1HostPathVolumeSource { Path = dir, Type = "Directory" } }];

            var stubborn = Pod(ns, "stubborn", Busybox("stubborn", "trap '' TERM; while true; do sleep 0.2; done"));
            const int grace = 8;
            stubborn.Spec.TerminationGracePeriodSeconds = grace;
            stubborn.Metadata.Labels = new Dictionary<string, string> { ["app"] = "stubborn" };
            await node.Client.For<V1Service>().CreateAsync(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "stubborn", NamespaceProperty = ns },
                Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "stubborn" }, Ports = [new V1ServicePort { Port = 80 }] },
            });
            await Task.WhenAll(node.RunPodAsync(politePod), node.RunPodAsync(stubborn));
            await Eventually.WaitAsync(() => File.Exists(Path.Combine(dir, "log")) && File.ReadAllText(Path.Combine(dir, "log")) == "started\n", "the polite container to start");
            await StubbornEndpointAsync(ns, e => e.Ready == true && e.Terminating != true, "ready");

            var politeGone = DeleteAndTimeAsync(ns, "polite");
            var stubbornGone = DeleteAndTimeAsync(ns, "stubborn");
            // During its grace period the pod stays in its service's slice as terminating, no longer ready.
            await StubbornEndpointAsync(ns, e => e.Ready == false && e.Terminating == true, "terminating");
            var politeTime = await politeGone;
            var stubbornTime = await stubbornGone;
            Console.WriteLine($"[timing] pod deletion: SIGTERM-handling container {politeTime.TotalSeconds:F1} s, SIGTERM-ignoring container with {grace} s grace {stubbornTime.TotalSeconds:F1} s");

            Assert.Equal("started\nprestop\nterm\n", File.ReadAllText(Path.Combine(dir, "log")));
            Assert.True(politeTime < TimeSpan.FromSeconds(20), $"the polite pod took {politeTime} (it exits on SIGTERM; 30 s grace)");
            Assert.True(stubbornTime >= TimeSpan.FromSeconds(grace - 0.5), $"the stubborn pod was gone after {stubbornTime}, before its {grace} s grace period");
            Assert.True(stubbornTime < TimeSpan.FromSeconds(grace + 30), $"the stubborn pod took {stubbornTime}");
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
            Directory.Delete(dir, recursive: true);
        }
    }

    private Task StubbornEndpointAsync(string ns, Func<V1EndpointConditions, bool> accept, string what) =>
        Eventually.ValueAsync(() => node.Client.For<V1EndpointSlice>().ListAsync(ns, new() { LabelSelector = "kubernetes.io/service-name=stubborn" }),
            l => l.Items.SelectMany(s => s.Endpoints ?? []).SingleOrDefault()?.Conditions is { } c && accept(c), $"the stubborn pod's endpoint {what}");

    /// <summary>kubectl delete (which waits for the pod to be gone); the time it took.</summary>
    private async Task<TimeSpan> DeleteAndTimeAsync(string ns, string pod)
    {
        var sw = Stopwatch.StartNew();
        var result = await node.Kubectl.RunAsync(["delete", "pod", "-n", ns, pod], timeout: TimeSpan.FromSeconds(90));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"pod \"{pod}\" deleted", result.Stdout);
        return sw.Elapsed;
    }

    [Fact]
    public async Task Kubectl_attach_streams_the_container_output_and_carries_stdin()
    {
        var ns = await node.NewNamespaceAsync("attach");
        try
        {
            var echo = Busybox("echo", "while read line; do echo got $line; done");
            echo.Stdin = true;
            await Task.WhenAll(
                node.RunPodAsync(Pod(ns, "tick", Busybox("tick", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done"))),
                node.RunPodAsync(Pod(ns, "echo", echo)));

            using var attach = Process.Start(node.Kubectl.StartInfo(["attach", "-n", ns, "tick", "-c", "tick"]))!;
            try
            {
                var first = await attach.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var second = await attach.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Matches("^tick [0-9]+$", first);
                Assert.Equal(int.Parse(first!.Split(' ')[1]) + 1, int.Parse(second!.Split(' ')[1]));
            }
            finally
            {
                attach.Kill(entireProcessTree: true);
                await attach.WaitForExitAsync();
            }

            // -i: lines typed reach the container's stdin, its answers come back.
            using var interactive = Process.Start(node.Kubectl.StartInfo(["attach", "-i", "-n", ns, "echo", "-c", "echo"]))!;
            try
            {
                // The session is up once kubectl relays; lines sent before then wait in its stdin pipe.
                await interactive.StandardInput.WriteLineAsync("hello");
                await interactive.StandardInput.FlushAsync();
                Assert.Equal("got hello", await interactive.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
                await interactive.StandardInput.WriteLineAsync("again");
                await interactive.StandardInput.FlushAsync();
                Assert.Equal("got again", await interactive.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            }
            finally
            {
                interactive.Kill(entireProcessTree: true);
                await interactive.WaitForExitAsync();
            }
        }
        finally
        {
            await node.CleanupNamespaceAsync(ns);
        }
    }
}
