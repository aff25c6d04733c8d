using System.Collections.Concurrent;
using System.Diagnostics;
using k8s.Models;
using KubeSharp.ApiServer.Hosting;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Benchmarks.KubeletBench;

/// <summary>
/// The same pods through the whole node path: an API server (in this process), `kubesharp agent` as a child process
/// (the kubelet with its own containerd; no proxy), pods created through the API with spec.nodeName set (no
/// scheduler), each timed from just before its create until a watch shows it Running.
/// </summary>
internal sealed class KubeletPath(BenchOptions options, string cli)
{
    private const string Namespace = "bench";
    private readonly string _node = "kb-node-" + Guid.NewGuid().ToString("N")[..6];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<double>> _running = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The agent's cgroup parent in every hierarchy; removed at the end like the rest of the node.</summary>
    private string CgroupParent => "kubeletbench-" + _node;

    public async Task<PathFigures> RunAsync(CancellationToken ct)
    {
        var root = Path.Combine("/tmp", "kb-kubelet-" + Guid.NewGuid().ToString("N")[..8]);
        var agentDir = Path.Combine(root, "agent");
        await using var api = await ApiServerHost.StartAsync(new ApiServerOptions { DataDir = Path.Combine(root, "api"), SecurePort = 0, BindAddress = "127.0.0.1" },
            NullLoggerFactory.Instance, ct);
        using var client = new KubeClient(ClientConfig.FromKubeconfig(api.KubeconfigPath) with { UserAgent = "kubeletbench" });
        await client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, ct);
        var socket = Path.Combine(agentDir, "containerd", "containerd.sock");
        var bridge = "kbk" + Random.Shared.Next(1000, 9999);
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = Task.Run(() => WatchAsync(client, watchStop.Token), CancellationToken.None);
        Process? agent = null;
        try
        {
            agent = StartAgent(api.KubeconfigPath, agentDir, bridge, Path.Combine(root, "agent.log"));
            Console.WriteLine($"kubelet path: agent pid {agent.Id} (log {root}/agent.log), node {_node}, bridge {bridge}, pods {options.KubeletPodCidr}");
            await WaitForNodeReadyAsync(client, agent, ct);
            using var metrics = new KubeletMetrics(ClientConfig.FromKubeconfig(api.KubeconfigPath));
            await metrics.ConnectAsync(client, _node, ct);

            await RunPodAsync(client, "warmup", ct);
            await DeleteAllAsync(client, ct);
            var single = new List<double>();
            for (var i = 0; i < options.SingleRuns; i++)
            {
                single.Add(await RunPodAsync(client, $"single-{i}", ct));
                await DeleteAllAsync(client, ct);
            }

            Task<double[]> BurstAsync(string prefix) =>
                Task.WhenAll(Enumerable.Range(0, options.BurstPods).Select(i => RunPodAsync(client, $"{prefix}-{i}", ct)));
            for (var w = 0; w < options.WarmupBursts; w++)
            {
                await BurstAsync($"warm-{w}");
                await DeleteAllAsync(client, ct);
            }
            // Bursts with deletions between them; the last burst's pods stay for the at-rest figures. CPU and CRI
            // calls are counted inside the burst windows only.
            var lasts = new List<double>();
            var p50s = new List<double>();
            double kubeletCpu = 0, runtimeCpu = 0;
            var burstCalls = new Dictionary<string, long>();
            for (var b = 0; b < options.Bursts; b++)
            {
                if (b > 0) await DeleteAllAsync(client, ct);
                var calls0 = await metrics.ReadAsync(ct);
                var kubeletCpu0 = ProcStats.OwnCpuSeconds(agent.Id);
                var runtimeCpu0 = ProcStats.RuntimeCpuSeconds(socket);
                var burstStart = _clock.Elapsed.TotalSeconds;
                Console.WriteLine($"burst {b + 1} of {options.BurstPods} pods starts at {DateTime.UtcNow:HH:mm:ss.fff} UTC (agent log times are local)");
                var burst = await BurstAsync($"burst-{b}");
                lasts.Add(_clock.Elapsed.TotalSeconds - burstStart);
                p50s.Add(Stats.Median(burst));
                kubeletCpu += ProcStats.OwnCpuSeconds(agent.Id) - kubeletCpu0;
                runtimeCpu += ProcStats.RuntimeCpuSeconds(socket) - runtimeCpu0;
                foreach (var (op, n) in KubeletMetrics.Delta(calls0, await metrics.ReadAsync(ct)))
                    burstCalls[op] = burstCalls.GetValueOrDefault(op) + n;
                if (options.AgentLog is not null)
                    Console.WriteLine($"burst {b + 1}, seconds to Running: " + string.Join(", ", burst.Select((t, i) => $"{i}={t:F2}")));
            }

            // At rest: fill up to RestPods running pods, let the kubelet settle, then sample its CPU.
            await Task.WhenAll(Enumerable.Range(options.BurstPods, Math.Max(0, options.RestPods - options.BurstPods)).Select(i => RunPodAsync(client, $"rest-{i}", ct)));
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            var restCpu0 = ProcStats.OwnCpuSeconds(agent.Id);
            var restClock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(options.RestSeconds), ct);
            var restFraction = (ProcStats.OwnCpuSeconds(agent.Id) - restCpu0) / restClock.Elapsed.TotalSeconds;
            var rss = ProcStats.RssBytes(agent.Id);
            Console.WriteLine("agent RSS by mapping (kB): " + string.Join(", ", ProcStats.RssByMapping(agent.Id).Take(8).Select(m => $"{m.Mapping} {m.Kb}")));
            if (options.HoldSeconds > 0)
            {
                Console.WriteLine($"holding {options.HoldSeconds} s with the pods running (agent pid {agent.Id})");
                await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds), ct);
            }

            await DeleteAllAsync(client, ct);
            return new PathFigures
            {
                Single = single,
                BurstLasts = lasts,
                BurstP50s = p50s,
                BurstRuntimeCpu = runtimeCpu,
                BurstKubeletCpu = kubeletCpu,
                RestCpuFraction = restFraction,
                RestRssBytes = rss,
                RestPods = Math.Max(options.RestPods, options.BurstPods),
                BurstRuntimeCalls = burstCalls,
            };
        }
        finally
        {
            await watchStop.CancelAsync();
            try { await watch; } catch (OperationCanceledException) { }
            if (agent is not null) await StopAgentAsync(agent);
            if (options.AgentLog is { } keep && File.Exists(Path.Combine(root, "agent.log"))) File.Copy(Path.Combine(root, "agent.log"), keep, overwrite: true);
            KubeSharp.Agent.Host.NodeLeftovers.KillShims(socket);
            if (Directory.Exists($"/sys/class/net/{bridge}"))
                await KubeSharp.Agent.Host.HostCommand.RunAsync("ip", ["link", "del", bridge], TimeSpan.FromSeconds(10), CancellationToken.None);
            await KubeSharp.Agent.Host.NodeLeftovers.DeleteDataDirAsync(root);
            foreach (var failure in KubeSharp.Agent.Host.NodeLeftovers.RemoveCgroupParent(CgroupParent))
                Console.WriteLine($"cgroup not removed: {failure}");
        }
    }

    private Process StartAgent(string kubeconfig, string dataDir, string bridge, string logPath)
    {
        // kubesharp.dll runs under the dotnet host; kubesharp-node (Native AOT) is its own executable.
        var viaHost = cli.EndsWith(".dll", StringComparison.Ordinal);
        var psi = new ProcessStartInfo(viaHost ? "dotnet" : cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaHost) psi.ArgumentList.Add(cli);
        foreach (var a in (string[])["agent", "--kubeconfig", kubeconfig, "--data-dir", dataDir, "--node-name", _node,
                     "--pod-cidr", options.KubeletPodCidr, "--bridge-name", bridge, "--kubelet-port", "0", "--disable-proxy",
                     "--host-gw-route-protocol", "0", "--cgroup-parent", CgroupParent, "--pod-logs-dir", Path.Combine(dataDir, "logs")])
            psi.ArgumentList.Add(a);
        foreach (var a in options.AgentArgs) psi.ArgumentList.Add(a);
        foreach (var e in options.AgentEnv) psi.Environment[e[..e.IndexOf('=')]] = e[(e.IndexOf('=') + 1)..];
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the agent");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAgentAsync(Process agent)
    {
        if (agent.HasExited) return;
        // SIGTERM: the agent stops the kubelet and its containerd (pods were deleted before).
        await KubeSharp.Agent.Host.HostCommand.RunAsync("kill", ["-TERM", agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5), CancellationToken.None);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await agent.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            agent.Kill(entireProcessTree: true);
        }
    }

    private async Task WaitForNodeReadyAsync(KubeClient client, Process agent, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (agent.HasExited) throw new InvalidOperationException($"the agent exited with {agent.ExitCode}; see its log");
            try
            {
                var node = await client.For<V1Node>().GetAsync(null, _node, ct);
                if (node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true) return;
            }
            catch (KubeApiException e) when (e.Code == 404)
            {
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"node {_node} not Ready within 2 minutes");
    }

    /// <summary>Creates one pod and returns seconds from just before the create to the watch event showing it Running.</summary>
    private async Task<double> RunPodAsync(KubeClient client, string name, CancellationToken ct)
    {
        var done = _running.GetOrAdd(name, _ => new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously));
        var start = _clock.Elapsed.TotalSeconds;
        await client.For<V1Pod>().CreateAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new V1PodSpec
            {
                NodeName = _node,
                TerminationGracePeriodSeconds = 1,
                Containers = [new V1Container { Name = "c", Image = "busybox", ImagePullPolicy = "IfNotPresent", Command = ["sleep", "3600"] }],
            },
        }, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var runningAt = await done.Task.WaitAsync(timeout.Token);
        return runningAt - start;
    }

    private async Task WatchAsync(KubeClient client, CancellationToken ct)
    {
        var pods = client.For<V1Pod>();
        while (!ct.IsCancellationRequested)
        {
            var list = await pods.ListAsync(Namespace, null, ct);
            Observe(list.Items);
            await foreach (var e in pods.WatchAsync(Namespace, new ListOptions { ResourceVersion = list.Metadata?.ResourceVersion }, ct))
            {
                if (e.Object is { } pod) Observe([pod]);
            }
        }
    }

    private void Observe(IEnumerable<V1Pod> pods)
    {
        var now = _clock.Elapsed.TotalSeconds;
        foreach (var pod in pods)
        {
            if (pod.Status?.Phase != "Running" || pod.Metadata?.DeletionTimestamp is not null) continue;
            _running.GetOrAdd(pod.Metadata!.Name, _ => new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(now);
        }
    }

    private async Task DeleteAllAsync(KubeClient client, CancellationToken ct)
    {
        var pods = client.For<V1Pod>();
        foreach (var pod in (await pods.ListAsync(Namespace, null, ct)).Items)
            await pods.DeleteAsync(Namespace, pod.Metadata.Name, null, ct);
        var deadline = Stopwatch.StartNew();
        while ((await pods.ListAsync(Namespace, null, ct)).Items.Count > 0)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("pods not gone within 3 minutes");
            await Task.Delay(200, ct);
        }
        foreach (var name in _running.Keys) _running.TryRemove(name, out _);
    }
}
