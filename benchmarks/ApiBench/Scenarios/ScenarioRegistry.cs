namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>Scenario name → implementation; the names are the command-line arguments.</summary>
internal static class ScenarioRegistry
{
    public static IScenario Get(string name) => name switch
    {
        "startup" => new StartupScenario(),
        "create" => new CreateScenario(),
        "get" => new GetScenario(),
        "list" => new ListScenario(),
        "watch" => new WatchScenario(),
        "memory" => new MemoryScenario(),
        _ => throw new ArgumentException($"unknown scenario {name}"),
    };
}
