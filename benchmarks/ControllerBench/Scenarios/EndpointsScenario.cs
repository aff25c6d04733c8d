using System.Diagnostics;
using k8s.Models;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.ControllerBench.Harness;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Scenarios;

/// <summary>
/// A Service selecting N pods that the harness created, bound to the fake node and made Ready. Once the Endpoints
/// object and the EndpointSlices list all N as ready, one pod's readiness is flipped at a time (a status PATCH, as a
/// kubelet's readiness probe would) and timed from just before the PATCH until both the Endpoints watch and the
/// EndpointSlice watch show that pod's IP with the new readiness. Odd flips restore the pod the even flip took
/// out, so each pod goes not-ready then ready again.
/// </summary>
internal sealed class EndpointsScenario : IScenario
{
    private const string Name = "endpoints";
    private const string Ns = "bench-ep";
    private const string ServiceName = "backend";
    private const string App = "backend";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct)
    {
        var n = context.Options.Replicas;
        using var plane = await context.StartControlPlaneAsync(Name, ct);
        await plane.CreateNamespaceAsync(Ns, ct);
        await plane.Client.For<V1Node>().CreateAsync(BenchObjects.Node(), ct);
        var pods = plane.Client.For<V1Pod>();
        await using var kubelet = new FakeKubelet(pods, FakeKubelet.NodeName, context.Options.KubeletWriters);

        var gate = new object();
        var endpointsReady = new Dictionary<string, bool>(StringComparer.Ordinal);
        var sliceReady = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        var waiters = new List<Waiter>();
        using var stopWatches = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var rv = (await pods.ListAsync(Ns, new ListOptions { Limit = 1 }, ct)).Metadata.ResourceVersion!;
        var podWatch = WatchLoop.StartAsync(pods, Ns, null, null, rv, kubelet.Observe, stopWatches.Token);
        var endpointsWatch = WatchLoop.StartAsync(plane.Client.For<V1Endpoints>(), Ns, null, "metadata.name=" + ServiceName, rv, (type, ep) =>
        {
            lock (gate)
            {
                endpointsReady.Clear();
                foreach (var subset in type == WatchEventType.Deleted ? [] : ep.Subsets ?? [])
                {
                    foreach (var a in subset.Addresses ?? []) endpointsReady[a.Ip] = true;
                    foreach (var a in subset.NotReadyAddresses ?? []) endpointsReady[a.Ip] = false;
                }
                foreach (var w in waiters) w.Check();
            }
        }, stopWatches.Token);
        var slicesWatch = WatchLoop.StartAsync(plane.Client.For<V1EndpointSlice>(), Ns, "kubernetes.io/service-name=" + ServiceName, null, rv, (type, slice) =>
        {
            lock (gate)
            {
                if (type == WatchEventType.Deleted)
                {
                    sliceReady.Remove(slice.Metadata.Name);
                }
                else
                {
                    var ready = new Dictionary<string, bool>(StringComparer.Ordinal);
                    // A nil ready condition means ready (the API's documented reading of "unknown").
                    foreach (var e in slice.Endpoints ?? []) ready[e.Addresses[0]] = e.Conditions?.Ready ?? true;
                    sliceReady[slice.Metadata.Name] = ready;
                }
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
        bool InSlices(string ip, bool ready)
        {
            var found = false;
            foreach (var slice in sliceReady.Values)
            {
                if (!slice.TryGetValue(ip, out var r)) continue;
                if (r != ready) return false;
                found = true;
            }
            return found;
        }

        await plane.Client.For<V1Service>().CreateAsync(BenchObjects.Service(Ns, ServiceName, App), ct);
        ScenarioContext.Log(Name, $"creating {n} pods");
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < n; i = Interlocked.Increment(ref next))
            {
                await pods.CreateAsync(BenchObjects.Pod(Ns, $"backend-{i:D5}", App), ct);
            }
        }, ct)));
        var allReady = Register(() => endpointsReady.Count(e => e.Value) == n && sliceReady.Values.Sum(s => s.Count(e => e.Value)) == n);
        await allReady.WaitAsync(TimeSpan.FromSeconds(180), $"{n} ready endpoints in Endpoints and EndpointSlices", ct);
        ScenarioContext.Log(Name, $"{n} ready endpoints; flipping readiness {context.Options.Flips} times");

        var flips = context.Options.Flips;
        var both = new long[flips];
        var endpointsOnly = new long[flips];
        var slicesOnly = new long[flips];
        var timeout = TimeSpan.FromSeconds(30);
        var cpuBefore = plane.CpuMs();
        for (var f = 0; f < flips; f++)
        {
            // Pods spread over the whole set (so over different slices); each taken out, then put back.
            var pod = $"backend-{(f / 2) * 37 % n:D5}";
            var ready = f % 2 == 1;
            var ip = kubelet.IpOf(pod) ?? throw new InvalidOperationException($"no IP for {pod}");
            var inEndpoints = Register(() => endpointsReady.TryGetValue(ip, out var r) && r == ready);
            var inSlices = Register(() => InSlices(ip, ready));
            var start = Stopwatch.GetTimestamp();
            await kubelet.SetReadyAsync(Ns, pod, ip, ready, ct);
            var endpointsAt = await inEndpoints.WaitAsync(timeout, $"Endpoints to show {pod} ready={ready}", ct);
            var slicesAt = await inSlices.WaitAsync(timeout, $"EndpointSlices to show {pod} ready={ready}", ct);
            endpointsOnly[f] = endpointsAt - start;
            slicesOnly[f] = slicesAt - start;
            both[f] = Math.Max(endpointsAt, slicesAt) - start;
            lock (gate) waiters.Clear();
        }
        var cpuAfter = plane.CpuMs();
        await stopWatches.CancelAsync();
        await Task.WhenAll(podWatch, endpointsWatch, slicesWatch).ContinueWith(_ => { }, CancellationToken.None);
        plane.EnsureAlive();

        var p = new Percentiles(both);
        var e = new Percentiles(endpointsOnly);
        var s = new Percentiles(slicesOnly);
        return
        [
            new Figure(Name, $"readiness flip in Endpoints + EndpointSlice, p99 ({n} pods)", p.Ms(0.99), "ms", Goal.AtMost, 200,
                $"{flips} flips; p50 {p.Ms(0.5):0.#} ms, max {p.MaxMs:0.#} ms"),
            new Figure(Name, "Endpoints alone, p50 / p99", e.Ms(0.99), "ms", Notes: $"p50 {e.Ms(0.5):0.#} ms"),
            new Figure(Name, "EndpointSlice alone, p50 / p99", s.Ms(0.99), "ms", Notes: $"p50 {s.Ms(0.5):0.#} ms"),
            CpuFigure.Of(Name, $"the {flips} flips", cpuBefore, cpuAfter),
        ];
    }
}
