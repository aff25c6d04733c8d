namespace KubeSharp.Benchmarks.SchedulerBench.Scenarios;

internal static class ScenarioRegistry
{
    public static IScenario Get(string name) => name switch
    {
        "basic" => new BasicScenario(),
        "anti-affinity" => new AntiAffinityScenario(),
        "memory" => new MemoryScenario(),
        _ => throw new ArgumentException($"unknown scenario {name}"),
    };
}
