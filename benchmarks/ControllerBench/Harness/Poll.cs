using KubeSharp.Benchmarks.ControllerBench.Cluster;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>Polling for unmeasured set-up conditions (timed figures come from watches instead).</summary>
internal static class Poll
{
    public static async Task UntilAsync(ControlPlane plane, Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition(ct))
        {
            plane.EnsureAlive();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50, ct);
        }
    }
}
