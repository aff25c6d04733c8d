using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>GET of one pod, over and over, from N concurrent clients on a shared HTTP/2 connection.</summary>
internal sealed class GetScenario : IScenario
{
    private const string Namespace = "bench-get";
    private const int MaxRatePerSecond = 100_000;

    public string Name => "get";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        using var session = await context.StartServerAsync(Name, cancellationToken);
        var client = session.Client;
        await KubeApi.CreateNamespaceAsync(client, Namespace, cancellationToken);
        var status = await KubeApi.CreatePodAsync(client, KubeApi.PodsPath(Namespace), new PodBodies(Namespace).For("target"), cancellationToken);
        if (status != 201)
        {
            throw new InvalidOperationException($"creating the pod to read returned {status}");
        }
        var path = $"{KubeApi.PodsPath(Namespace)}/target";

        async Task<int> GetAsync(long ticket, CancellationToken ct)
        {
            using var response = await client.GetAsync(path, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return (int)response.StatusCode;
        }

        await ClosedLoop.RunAsync(options.Clients, TimeSpan.FromSeconds(2), 1_000_000, GetAsync, cancellationToken);
        ScenarioContext.Log(Name, $"{options.Clients} clients reading {Namespace}/target for {options.GetSeconds} s");
        var run = await ClosedLoop.RunAsync(options.Clients, TimeSpan.FromSeconds(options.GetSeconds),
            (int)(options.GetSeconds * MaxRatePerSecond), GetAsync, cancellationToken);
        session.EnsureAlive();
        var latency = run.Latency();
        var failures = run.Failures(200);
        return
        [
            new(Name, "get latency p50", latency.Ms(0.50), "ms"),
            new(Name, "get latency p99", latency.Ms(0.99), "ms", Goal.AtMost, 5, $"max {latency.MaxMs:F1} ms; {options.Clients} clients"),
            new(Name, "gets/s", run.Count / run.Seconds, "/s", Notes: $"{run.Count} in {run.Seconds:F1} s"),
            new(Name, "failed gets", failures.Values.Sum(), "", Goal.AtMost, 0,
                failures.Count == 0 ? "" : $"{LoopResult.Describe(failures)}; first error: {run.FirstError}"),
        ];
    }
}
