using System.Globalization;
using KubeSharp.Benchmarks.ApiBench.Http;

namespace KubeSharp.Benchmarks.ApiBench.Load;

/// <summary>Closed-loop pod creates into one namespace; ticket i creates pod "&lt;prefix&gt;-i".</summary>
internal static class PodCreator
{
    public static string Name(string prefix, long ticket) => prefix + "-" + ticket.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Creates until <paramref name="duration"/> is over or <paramref name="capacity"/> creates were sent.</summary>
    public static Task<LoopResult> RunAsync(HttpClient client, string ns, string prefix, int workers, TimeSpan duration, int capacity, CancellationToken cancellationToken)
    {
        var bodies = new PodBodies(ns);
        var path = KubeApi.PodsPath(ns);
        return ClosedLoop.RunAsync(workers, duration, capacity,
            (ticket, ct) => KubeApi.CreatePodAsync(client, path, bodies.For(Name(prefix, ticket)), ct),
            cancellationToken);
    }
}
