using System.Diagnostics;
using k8s.Models;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.ControllerBench.Harness;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Scenarios;

/// <summary>
/// An RC at 0 replicas is scaled to N with one merge PATCH of spec.replicas. Timed from just before the PATCH is
/// sent until the harness's pod watch (opened before the PATCH) has delivered the N-th ADDED pod, and until the
/// RC watch shows status.replicas = N. No scheduler runs, so the pods stay Pending; that is all this needs.
/// A 100-replica RC in another namespace runs first, unmeasured, as a warm-up.
/// </summary>
internal sealed class RcScaleScenario : IScenario
{
    private const string Name = "rc-scale";
    private const string Ns = "bench-rc";
    private const string RcName = "scale";
    private const string WarmupNs = "bench-rc-warmup";
    private const int WarmupReplicas = 100;

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct)
    {
        var n = context.Options.Replicas;
        using var plane = await context.StartControlPlaneAsync(Name, ct);
        await plane.CreateNamespaceAsync(Ns, ct);
        var rcs = plane.Client.For<V1ReplicationController>();
        var pods = plane.Client.For<V1Pod>();
        // Warm-up, unmeasured: a small RC elsewhere runs the create path of both processes once, so the timed
        // scale-up does not carry their JIT. It stays (its pods idle, Pending) so nothing is deleted meanwhile.
        await plane.CreateNamespaceAsync(WarmupNs, ct);
        await rcs.CreateAsync(BenchObjects.ReplicationController(WarmupNs, RcName, WarmupReplicas), ct);
        await Poll.UntilAsync(plane, async c => (await rcs.GetAsync(WarmupNs, RcName, c)).Status?.Replicas == WarmupReplicas,
            TimeSpan.FromSeconds(120), "the warm-up RC's pods", ct);
        await rcs.CreateAsync(BenchObjects.ReplicationController(Ns, RcName, 0), ct);
        // The controller manager has synced the RC once: its informers are up, so the PATCH is not timed against
        // the controller manager's start.
        await Poll.UntilAsync(plane, async c => (await rcs.GetAsync(Ns, RcName, c)).Status?.ObservedGeneration == 1,
            TimeSpan.FromSeconds(60), "the RC's first sync", ct);

        var gate = new object();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var halfAt = 0L;
        var statusReplicas = 0;
        var allPods = new Waiter(() => names.Count >= n);
        var allStatus = new Waiter(() => statusReplicas >= n);
        using var stopWatches = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var podRv = (await pods.ListAsync(Ns, new ListOptions { Limit = 1 }, ct)).Metadata.ResourceVersion!;
        var rcRv = (await rcs.ListAsync(Ns, new ListOptions { Limit = 1 }, ct)).Metadata.ResourceVersion!;
        var podWatch = WatchLoop.StartAsync(pods, Ns, null, null, podRv, (type, pod) =>
        {
            if (type != WatchEventType.Added) return;
            lock (gate)
            {
                names.Add(pod.Metadata.Name);
                if (names.Count == n / 2) halfAt = Stopwatch.GetTimestamp();
                allPods.Check();
            }
        }, stopWatches.Token);
        var rcWatch = WatchLoop.StartAsync(rcs, Ns, null, "metadata.name=" + RcName, rcRv, (_, rc) =>
        {
            lock (gate)
            {
                statusReplicas = rc.Status?.Replicas ?? 0;
                allStatus.Check();
            }
        }, stopWatches.Token);

        ScenarioContext.Log(Name, $"scaling {RcName} 0 → {n}");
        var cpuBefore = plane.CpuMs();
        var start = Stopwatch.GetTimestamp();
        await rcs.PatchAsync(Ns, RcName, PatchType.Merge, $$$"""{"spec":{"replicas":{{{n}}}}}""", ct: ct);
        var timeout = TimeSpan.FromSeconds(120);
        var podsAt = await allPods.WaitAsync(timeout, $"{n} pods", ct);
        var statusAt = await allStatus.WaitAsync(timeout, $"status.replicas = {n}", ct);
        var cpuAfter = plane.CpuMs();
        // Give the controller a moment to overshoot if it were going to, then count what exists.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var listed = (await pods.ListAsync(Ns, null, ct)).Items.Count;
        int seen;
        lock (gate) seen = names.Count;
        await stopWatches.CancelAsync();
        await Task.WhenAll(podWatch, rcWatch).ContinueWith(_ => { }, CancellationToken.None);
        plane.EnsureAlive();

        var podsMs = Percentiles.ToMs(podsAt - start);
        return
        [
            new Figure(Name, $"{n} pods created after scale 0→{n}", podsMs, "ms", Goal.AtMost, 5000,
                $"from the PATCH until the {n}th ADDED in a pod watch; half of them after {Percentiles.ToMs(halfAt - start):0} ms"),
            new Figure(Name, $"status.replicas = {n}", Percentiles.ToMs(statusAt - start), "ms",
                Notes: "from the PATCH until the RC watch shows it"),
            CpuFigure.Of(Name, "the scale-up", cpuBefore, cpuAfter),
            new Figure(Name, "pods existing 2 s later", listed, "", Goal.Exactly, n, $"{seen} distinct pods seen ADDED"),
        ];
    }
}
