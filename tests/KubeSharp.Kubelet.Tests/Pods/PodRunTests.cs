using System.Net;
using k8s.Models;
using KubeSharp.Kubelet.Cri.Fake;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Tests.Pods;

[Collection(ApiCollection.Name)]
public sealed class PodRunTests(ApiServerFixture api)
{
    [Fact]
    public async Task A_bound_pod_gets_a_sandbox_and_containers_and_reports_running_and_ready()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("run");
        var spec = node.Pod(ns, "web", TestNode.Container("app"), TestNode.Container("side"));
        spec.Spec.Containers[0].Ports = [new V1ContainerPort { ContainerPort = 8080, HostPort = 18080, Protocol = "TCP" }];
        spec.Spec.Containers[0].Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("64Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("128Mi") },
        };
        var created = await node.CreateAsync(spec);

        var pod = await node.WaitForAsync(created, p => p.Status?.Phase == "Running" && TestNode.IsReady(p), "Running and Ready");
        var sandbox = Assert.Single(node.Runtime.Sandboxes);
        Assert.Equal(sandbox.Ip, pod.Status.PodIP);
        Assert.True(IPAddress.Parse(pod.Status.PodIP).GetAddressBytes().Take(3).SequenceEqual(new byte[] { 10, 244, 7 }));
        Assert.Equal("10.1.2.3", pod.Status.HostIP);
        Assert.Equal("10.1.2.3", Assert.Single(pod.Status.HostIPs).Ip);
        Assert.NotNull(pod.Status.StartTime);
        foreach (var type in new[] { "PodScheduled", "PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready" })
        {
            Assert.Equal("True", pod.Status.Conditions.Single(c => c.Type == type).Status);
        }
        Assert.Equal(2, pod.Status.ContainerStatuses.Count);
        foreach (var cs in pod.Status.ContainerStatuses)
        {
            var runtimeContainer = node.Runtime.ContainersOf("web", cs.Name).Single();
            Assert.Equal("containerd://" + runtimeContainer.Id, cs.ContainerID);
            Assert.NotNull(cs.State.Running);
            Assert.True(cs.Ready);
            Assert.True(cs.Started);
            Assert.Equal(0, cs.RestartCount);
            Assert.Equal("docker.io/library/busybox:latest", cs.Image);
            Assert.StartsWith("docker.io/library/busybox@sha256:", cs.ImageID);
        }

        // The sandbox as upstream configures it.
        var config = sandbox.Config;
        Assert.Equal(("web", ns, created.Metadata.Uid, 0u), (config.Metadata.Name, config.Metadata.Namespace, config.Metadata.Uid, config.Metadata.Attempt));
        Assert.Equal("web", config.Hostname);
        Assert.Equal(Path.Combine(node.Options.PodLogsDir, $"{ns}_web_{created.Metadata.Uid}"), config.LogDirectory);
        Assert.Equal(created.Metadata.Uid, config.Labels["io.kubernetes.pod.uid"]);
        Assert.Equal("web", config.Labels["app"]);
        Assert.Equal($"/kubepods/burstable/pod{created.Metadata.Uid}", config.Linux.CgroupParent);
        Assert.Equal(NamespaceMode.Pod, config.Linux.SecurityContext.NamespaceOptions.Network);
        Assert.Equal(["10.96.0.10"], config.DnsConfig.Servers);
        Assert.Equal([$"{ns}.svc.cluster.local", "svc.cluster.local", "cluster.local"], config.DnsConfig.Searches.Take(3));
        Assert.Contains("ndots:5", config.DnsConfig.Options);
        var mapping = Assert.Single(config.PortMappings);
        Assert.Equal((8080, 18080, Protocol.Tcp), (mapping.ContainerPort, mapping.HostPort, mapping.Protocol));

        // The container as upstream configures it.
        var app = node.Runtime.ContainersOf("web", "app").Single().Config;
        Assert.Equal(["sleep", "3600"], app.Command);
        Assert.Equal("app/0.log", app.LogPath);
        Assert.Equal("app", app.Labels["io.kubernetes.container.name"]);
        Assert.Equal(created.Metadata.Uid, app.Labels["io.kubernetes.pod.uid"]);
        Assert.Equal(256, app.Linux.Resources.CpuShares);
        Assert.Equal(50_000, app.Linux.Resources.CpuQuota);
        Assert.Equal(100_000, app.Linux.Resources.CpuPeriod);
        Assert.Equal(128L << 20, app.Linux.Resources.MemoryLimitInBytes);
        Assert.True(Directory.Exists(Path.Combine(config.LogDirectory, "app")));
        Assert.Contains(app.Mounts, m => m.ContainerPath == "/etc/hosts");
        var hosts = File.ReadAllText(app.Mounts.Single(m => m.ContainerPath == "/etc/hosts").HostPath);
        Assert.Contains($"{pod.Status.PodIP}\tweb", hosts);
    }

    [Fact]
    public async Task Host_network_pods_share_the_node_network_and_report_the_node_ip()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("hostnet");
        var spec = node.Pod(ns, "hn", TestNode.Container("app"));
        spec.Spec.HostNetwork = true;
        var pod = await node.WaitForAsync(await node.CreateAsync(spec), p => p.Status?.Phase == "Running", "Running");
        Assert.Equal("10.1.2.3", pod.Status.PodIP);
        var config = Assert.Single(node.Runtime.Sandboxes).Config;
        Assert.Equal(NamespaceMode.Node, config.Linux.SecurityContext.NamespaceOptions.Network);
        Assert.Equal("test-host", config.Hostname);
        // ClusterFirst with hostNetwork falls back to the host's resolver (upstream).
        Assert.DoesNotContain("10.96.0.10", config.DnsConfig.Servers);
    }

    [Fact]
    public async Task Init_containers_run_in_order_before_the_app_containers()
    {
        await using var node = await TestNode.StartAsync(api);
        node.Runtime.Script = c => c.Name.StartsWith("init", StringComparison.Ordinal)
            ? FakeContainerScript.Exit(0, TimeSpan.FromMilliseconds(300))
            : FakeContainerScript.RunForever;
        var ns = await api.NewNamespaceAsync("init");
        var spec = node.Pod(ns, "p", TestNode.Container("app"));
        spec.Spec.InitContainers = [TestNode.Container("init1"), TestNode.Container("init2")];
        var created = await node.CreateAsync(spec);

        var pending = await node.WaitForAsync(created, p => p.Status?.InitContainerStatuses?[0].State?.Running != null, "init1 running");
        Assert.Equal("Pending", pending.Status.Phase);
        Assert.Equal("PodInitializing", pending.Status.ContainerStatuses.Single().State.Waiting.Reason);
        Assert.Equal("False", pending.Status.Conditions.Single(c => c.Type == "Initialized").Status);

        var pod = await node.WaitForAsync(created, p => p.Status?.Phase == "Running" && TestNode.IsReady(p), "Running");
        Assert.All(pod.Status.InitContainerStatuses, s => Assert.Equal("Completed", s.State.Terminated.Reason));
        Assert.Equal("True", pod.Status.Conditions.Single(c => c.Type == "Initialized").Status);
        var creates = node.Runtime.Calls.Where(c => c.StartsWith("CreateContainer p/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CreateContainer p/init1", "CreateContainer p/init2", "CreateContainer p/app"], creates);
        var init2 = node.Runtime.ContainersOf("p", "init2").Single();
        var app = node.Runtime.ContainersOf("p", "app").Single();
        Assert.True(app.CreatedAt >= init2.FinishedAt);
    }

    [Fact]
    public async Task A_failing_init_container_is_restarted_with_OnFailure_and_fails_the_pod_with_Never()
    {
        await using var node = await TestNode.StartAsync(api);
        node.Runtime.Script = c => c.Name == "init" ? FakeContainerScript.Exit(c.Attempt == 0 ? 1 : 0) : FakeContainerScript.RunForever;
        var ns = await api.NewNamespaceAsync("initfail");

        var retried = node.Pod(ns, "retried", TestNode.Container("app"));
        retried.Spec.RestartPolicy = "OnFailure";
        retried.Spec.InitContainers = [TestNode.Container("init")];
        var pod = await node.WaitForAsync(await node.CreateAsync(retried), p => p.Status?.Phase == "Running", "Running after one init retry");
        Assert.Equal(1, pod.Status.InitContainerStatuses.Single().RestartCount);

        var never = node.Pod(ns, "never", TestNode.Container("app"));
        never.Spec.RestartPolicy = "Never";
        never.Spec.InitContainers = [TestNode.Container("init")];
        pod = await node.WaitForAsync(await node.CreateAsync(never), p => p.Status?.Phase == "Failed", "Failed");
        Assert.Equal(1, pod.Status.InitContainerStatuses.Single().State.Terminated.ExitCode);
        Assert.Empty(node.Runtime.HistoryOf("never", "app"));
    }

    [Fact]
    public async Task Restart_policies_decide_the_terminal_phase_and_exit_reasons_are_reported()
    {
        await using var node = await TestNode.StartAsync(api);
        node.Runtime.Script = c => c.PodName switch
        {
            "never-fails" => FakeContainerScript.Exit(3),
            "onfailure-succeeds" => FakeContainerScript.Exit(0),
            "oom" => c.Attempt == 0 ? FakeContainerScript.OomKilled() : FakeContainerScript.RunForever,
            _ => FakeContainerScript.RunForever,
        };
        var ns = await api.NewNamespaceAsync("policy");

        var neverFails = node.Pod(ns, "never-fails", TestNode.Container("c"));
        neverFails.Spec.RestartPolicy = "Never";
        var onFailure = node.Pod(ns, "onfailure-succeeds", TestNode.Container("c"));
        onFailure.Spec.RestartPolicy = "OnFailure";
        var oom = node.Pod(ns, "oom", TestNode.Container("c"));

        var failed = await node.WaitForAsync(await node.CreateAsync(neverFails), p => p.Status?.Phase == "Failed", "Failed");
        var terminated = failed.Status.ContainerStatuses.Single().State.Terminated;
        Assert.Equal((3, "Error"), (terminated.ExitCode, terminated.Reason));
        Assert.Equal("PodCompleted", failed.Status.Conditions.Single(c => c.Type == "Ready").Reason);

        var succeeded = await node.WaitForAsync(await node.CreateAsync(onFailure), p => p.Status?.Phase == "Succeeded", "Succeeded");
        Assert.Equal("Completed", succeeded.Status.ContainerStatuses.Single().State.Terminated.Reason);
        Assert.Single(node.Runtime.HistoryOf("onfailure-succeeds", "c"));

        var restarted = await node.WaitForAsync(await node.CreateAsync(oom),
            p => p.Status?.ContainerStatuses?.Single().RestartCount == 1 && p.Status.ContainerStatuses.Single().State.Running != null, "restarted after OOM");
        var last = restarted.Status.ContainerStatuses.Single().LastState.Terminated;
        Assert.Equal((137, "OOMKilled"), (last.ExitCode, last.Reason));
        Assert.Equal("Running", restarted.Status.Phase);
    }

    [Fact]
    public async Task Image_pull_failure_reports_ErrImagePull_then_ImagePullBackOff()
    {
        await using var node = await TestNode.StartAsync(api);
        node.Runtime.SetPullFailure("registry.example/missing:1", "failed to resolve reference: not found");
        var ns = await api.NewNamespaceAsync("pull");
        var container = TestNode.Container("c", "registry.example/missing:1");
        var created = await node.CreateAsync(node.Pod(ns, "p", container));

        // The two states follow each other within milliseconds, so the test reads every status write from a watch.
        var reasons = new List<(string Reason, string Message)>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var options = new KubeSharp.Client.Rest.ListOptions { FieldSelector = "metadata.name=p", ResourceVersion = created.Metadata.ResourceVersion };
        await foreach (var e in api.Client.For<V1Pod>().WatchAsync(ns, options, cts.Token))
        {
            if (e.Object?.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Waiting is not { } waiting) continue;
            if (reasons.Count == 0 || reasons[^1].Reason != waiting.Reason) reasons.Add((waiting.Reason, waiting.Message));
            if (waiting.Reason == "ImagePullBackOff") break;
        }
        Assert.Equal(["ErrImagePull", "ImagePullBackOff"], reasons.Select(r => r.Reason).Where(r => r != "ContainerCreating"));
        Assert.Contains("not found", reasons.Single(r => r.Reason == "ErrImagePull").Message);
        Assert.Equal("Back-off pulling image \"registry.example/missing:1\"", reasons[^1].Message);
        Assert.Equal("Pending", (await node.GetAsync(created)).Status.Phase);

        // Once the registry has it, the next attempt after the back-off (10 s) pulls and starts the container.
        node.Runtime.SetPullFailure("registry.example/missing:1", null);
        await node.WaitForAsync(created, p => p.Status?.Phase == "Running", "Running after the back-off", TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Missing_configmap_reports_CreateContainerConfigError()
    {
        await using var node = await TestNode.StartAsync(api);
        var ns = await api.NewNamespaceAsync("cfgerr");
        var container = TestNode.Container("c");
        container.Env = [new V1EnvVar { Name = "X", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "absent", Key = "k" } } }];
        var pod = await node.WaitForAsync(await node.CreateAsync(node.Pod(ns, "p", container)),
            p => p.Status?.ContainerStatuses?.Single().State?.Waiting?.Reason == "CreateContainerConfigError", "CreateContainerConfigError");
        Assert.Equal("configmap \"absent\" not found", pod.Status.ContainerStatuses.Single().State.Waiting.Message);
        Assert.Empty(node.Runtime.HistoryOf("p", "c"));
    }
}
