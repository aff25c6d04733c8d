using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>
/// Sustained pod creates over HTTPS/HTTP2 from N concurrent clients. The server's store acknowledges a write only
/// after its commit is fsynced (SQLite WAL, synchronous=FULL); the optional check afterwards SIGKILLs the server,
/// restarts it on the same data dir and looks for every pod that got a 201, so "durable" is measured, not assumed.
/// </summary>
internal sealed class CreateScenario : IScenario
{
    private const string Namespace = "bench-create";

    // Bounds the run's request count whatever the duration: far above the target rate.
    private const int MaxRatePerSecond = 20_000;

    public string Name => "create";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        using var session = await context.StartServerAsync(Name, cancellationToken);
        await KubeApi.CreateNamespaceAsync(session.Client, Namespace, cancellationToken);

        // A short unmeasured warm-up, so the figure is the server's steady state and not its JIT.
        await PodCreator.RunAsync(session.Client, Namespace, "warm", options.Clients, TimeSpan.FromSeconds(2), 100_000, cancellationToken);

        ScenarioContext.Log(Name, $"{options.Clients} clients creating pods for {options.CreateSeconds} s ({new PodBodies(Namespace).TypicalSize} B bodies)");
        var duration = TimeSpan.FromSeconds(options.CreateSeconds);
        var run = await PodCreator.RunAsync(session.Client, Namespace, "pod", options.Clients, duration,
            (int)(options.CreateSeconds * MaxRatePerSecond), cancellationToken);
        session.EnsureAlive();
        var latency = run.Latency();
        var failures = run.Failures(201);
        ScenarioContext.Log(Name, $"{run.Count} creates in {run.Seconds:F1} s, failures: {LoopResult.Describe(failures)}");

        var figures = new List<Figure>
        {
            new(Name, $"creates/s, {options.Clients} clients, {options.CreateSeconds:0} s", run.Succeeded(201) / run.Seconds, "/s", Goal.AtLeast, 2000,
                $"{run.Succeeded(201)} pods acknowledged (201) in {run.Seconds:F1} s"),
            new(Name, "creates in slowest whole second", run.SlowestSecond(), "/s"),
            new(Name, "create latency p50", latency.Ms(0.50), "ms"),
            new(Name, "create latency p99", latency.Ms(0.99), "ms", Goal.AtMost, 50, $"max {latency.MaxMs:F1} ms"),
            new(Name, "failed creates", failures.Values.Sum(), "", Goal.AtMost, 0,
                failures.Count == 0 ? "" : $"{LoopResult.Describe(failures)}; first error: {run.FirstError}"),
        };

        if (options.VerifyDurability)
        {
            figures.Add(await VerifyAfterKillAsync(session, run, cancellationToken));
        }

        return figures;
    }

    private async Task<Figure> VerifyAfterKillAsync(Cluster.ServerSession session, LoopResult run, CancellationToken cancellationToken)
    {
        ScenarioContext.Log(Name, "kill -9 the server, restart on the same data dir, look for every acknowledged pod");
        await session.KillAndRestartAsync(cancellationToken);
        var present = await KubeApi.ListPodNamesAsync(session.Client, Namespace, cancellationToken);
        var lost = 0;
        string? example = null;
        for (var ticket = 0; ticket < run.Count; ticket++)
        {
            var name = PodCreator.Name("pod", ticket);
            if (run.Status(ticket) == 201 && !present.Contains(name))
            {
                lost++;
                example ??= name;
            }
        }

        return new Figure(Name, "acknowledged creates lost after kill -9", lost, "", Goal.AtMost, 0,
            lost == 0 ? $"all {run.Succeeded(201)} present after restart" : $"e.g. {Namespace}/{example}");
    }
}
