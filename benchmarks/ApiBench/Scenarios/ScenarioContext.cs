using KubeSharp.Benchmarks.ApiBench.Cluster;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>What every scenario gets: the options and the server binary.</summary>
internal sealed record ScenarioContext(BenchOptions Options, string ServerDll)
{
    public Task<ServerSession> StartServerAsync(string purpose, CancellationToken cancellationToken) =>
        ServerSession.StartAsync(ServerDll, purpose, cancellationToken);

    public static void Log(string scenario, string message) =>
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {scenario}: {message}");
}
