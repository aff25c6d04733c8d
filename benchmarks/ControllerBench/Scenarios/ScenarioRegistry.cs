namespace KubeSharp.Benchmarks.ControllerBench.Scenarios;

/// <summary>Scenario name → implementation; the names are the command-line arguments.</summary>
internal static class ScenarioRegistry
{
    public static IScenario Get(string name) => name switch
    {
        "rc-scale" => new RcScaleScenario(),
        "rolling" => new RollingScenario(),
        "endpoints" => new EndpointsScenario(),
        _ => throw new ArgumentException($"unknown scenario {name}"),
    };
}
