using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>One benchmark scenario: starts its own server(s), measures, and returns its figures.</summary>
internal interface IScenario
{
    string Name { get; }

    Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
