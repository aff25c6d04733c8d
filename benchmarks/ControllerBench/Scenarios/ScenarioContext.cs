using KubeSharp.Benchmarks.ControllerBench.Cluster;

namespace KubeSharp.Benchmarks.ControllerBench.Scenarios;

/// <summary>What every scenario gets: the options and the kubesharp binary.</summary>
internal sealed record ScenarioContext(BenchOptions Options, string ServerDll)
{
    public Task<ControlPlane> StartControlPlaneAsync(string purpose, CancellationToken ct) =>
        ControlPlane.StartAsync(ServerDll, purpose, ct);

    public static void Log(string scenario, string message) =>
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {scenario}: {message}");
}
