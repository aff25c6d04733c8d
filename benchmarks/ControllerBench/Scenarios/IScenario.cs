using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ControllerBench.Scenarios;

/// <summary>One benchmark scenario: starts its own control plane, measures, and returns its figures.</summary>
internal interface IScenario
{
    Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
