using System.Diagnostics;
using k8s.Models;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.ControllerBench.Harness;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Scenarios;

/// <summary>
/// A Deployment of N replicas (default strategy: RollingUpdate, 25% surge, 25% unavailable) whose pods are bound
/// to a fake node; the harness's <see cref="FakeKubelet"/> makes every pod Running+Ready and deletes terminating
/// ones. Once all N are available, a template annotation changes and the rollout is timed from that PATCH until
/// the Deployment watch shows N updated, N total and N available replicas at the new generation, and until the
/// last old pod's DELETED arrives. A pod watch counts every create and delete: the rollout must create exactly N
/// and delete exactly N (the old ones), never a name twice.
/// </summary>
internal sealed class RollingScenario : IScenario
{
    private const string Name = "rolling";
    private const string Ns = "bench-rolling";
    private const string DeploymentName = "web";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct)
    {
        var n = context.Options.Replicas;
        using var plane = await context.StartControlPlaneAsync(Name, ct);
        await plane.CreateNamespaceAsync(Ns, ct);
        await plane.Client.For<V1Node>().CreateAsync(BenchObjects.Node(), ct);
        var deployments = plane.Client.For<V1Deployment>();
        var pods = plane.Client.For<V1Pod>();
        await using var kubelet = new FakeKubelet(pods, FakeKubelet.NodeName, context.Options.KubeletWriters);

        var gate = new object();
        var ledger = new PodLedger();
        V1Deployment? latest = null;
        var waiters = new List<Waiter>();
        using var stopWatches = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var podRv = (await pods.ListAsync(Ns, new ListOptions { Limit = 1 }, ct)).Metadata.ResourceVersion!;
        var podWatch = WatchLoop.StartAsync(pods, Ns, null, null, podRv, (type, pod) =>
        {
            kubelet.Observe(type, pod);
            lock (gate)
            {
                ledger.Observe(type, pod);
                foreach (var w in waiters) w.Check();
            }
        }, stopWatches.Token);
        var deploymentWatch = WatchLoop.StartAsync(deployments, Ns, null, "metadata.name=" + DeploymentName, podRv, (_, d) =>
        {
            lock (gate)
            {
                latest = d;
                foreach (var w in waiters) w.Check();
            }
        }, stopWatches.Token);
        Waiter Register(Func<bool> condition)
        {
            var w = new Waiter(condition);
            lock (gate)
            {
                waiters.Add(w);
                w.Check();
            }
            return w;
        }
        bool Complete(long generation) => latest is { } d && (d.Status?.ObservedGeneration ?? 0) >= generation
            && d.Status!.UpdatedReplicas == n && d.Status.Replicas == n && d.Status.AvailableReplicas == n;

        ScenarioContext.Log(Name, $"creating a Deployment of {n}");
        var setupStart = Stopwatch.GetTimestamp();
        await deployments.CreateAsync(BenchObjects.Deployment(Ns, DeploymentName, n), ct);
        var initial = Register(() => Complete(1) && ledger.Alive == n);
        var setupEnd = await initial.WaitAsync(TimeSpan.FromSeconds(180), $"{n} available replicas", ct);
        int setupCreates;
        lock (gate)
        {
            setupCreates = ledger.Creates;
            ledger.Mark();
        }

        ScenarioContext.Log(Name, "rolling update");
        var cpuBefore = plane.CpuMs();
        var start = Stopwatch.GetTimestamp();
        await deployments.PatchAsync(Ns, DeploymentName, PatchType.Merge,
            """{"spec":{"template":{"metadata":{"annotations":{"bench.kubesharp.io/revision":"2"}}}}}""", ct: ct);
        var done = Register(() => Complete(2));
        var oldGone = Register(() => ledger.DeletesAfterMark >= n);
        var timeout = TimeSpan.FromSeconds(300);
        var doneAt = await done.WaitAsync(timeout, "the rollout to complete", ct);
        var oldGoneAt = await oldGone.WaitAsync(timeout, $"{n} old pods deleted", ct);
        var cpuAfter = plane.CpuMs();
        // Let anything late (an extra create or delete) show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        int creates, deletes, rolloutCreates, rolloutDeletes, newDeleted, duplicates;
        List<string> newDeletedNames;
        lock (gate)
        {
            (creates, deletes) = (ledger.Creates, ledger.Deletes);
            (rolloutCreates, rolloutDeletes) = (ledger.CreatesAfterMark, ledger.DeletesAfterMark);
            (newDeleted, duplicates) = (ledger.NewPodsDeleted, ledger.Duplicates);
            newDeletedNames = [.. ledger.NewPodsDeletedNames];
        }
        // Who deleted a new pod: the events about it (owner's SuccessfulDelete, or a GC) tell.
        var events = (await plane.Client.For<Corev1Event>().ListAsync(Ns, null, ct)).Items;
        foreach (var name in newDeletedNames)
        {
            var pod = name.Split(' ')[0];
            ScenarioContext.Log(Name, $"new pod deleted during the rollout: {name}");
            foreach (var e in events.Where(e => e.Message?.Contains(pod, StringComparison.Ordinal) == true || e.InvolvedObject?.Name == pod))
            {
                ScenarioContext.Log(Name, $"  event {e.Reason} on {e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name}: {e.Message} ({e.Source?.Component})");
            }
        }
        await stopWatches.CancelAsync();
        await Task.WhenAll(podWatch, deploymentWatch).ContinueWith(_ => { }, CancellationToken.None);
        plane.EnsureAlive();

        return
        [
            new Figure(Name, $"initial Deployment of {n} available", Percentiles.ToMs(setupEnd - setupStart), "ms",
                Notes: "set-up, not a target: create until N available (fake kubelet marks pods Ready)"),
            new Figure(Name, $"rolling update of {n} complete", Percentiles.ToMs(doneAt - start), "ms",
                Notes: $"PATCH until updated = total = available = {n}; last old pod DELETED after {Percentiles.ToMs(oldGoneAt - start):0} ms"),
            CpuFigure.Of(Name, "the rollout", cpuBefore, cpuAfter),
            new Figure(Name, "pods created (initial + rollout)", creates, "", Goal.Exactly, 2 * n, $"initial {setupCreates}, rollout {rolloutCreates}"),
            new Figure(Name, "pods deleted", deletes, "", Goal.Exactly, n, $"during the rollout {rolloutDeletes}; new pods among them {newDeleted}" + (newDeleted > 0 ? ": " + string.Join(", ", newDeletedNames.Take(3)) : "")),
            new Figure(Name, "names created or deleted twice", duplicates, "", Goal.Exactly, 0),
        ];
    }
}
