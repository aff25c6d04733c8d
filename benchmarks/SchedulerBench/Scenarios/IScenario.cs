using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

internal interface IScenario
{
    string Name { get; }

    Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken ct);
}

/// <summary>What every scenario gets: the options and the server binary.</summary>
internal sealed record ScenarioContext(BenchOptions Options, string ServerDll);
