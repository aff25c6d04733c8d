using System.Collections.Concurrent;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Endpoints;

/// <summary>
/// Remembers, per Endpoints key, the resourceVersion this controller last replaced (upstream's
/// staleEndpointsTracker). While the informer still serves that version, its cache predates our own write: a
/// sync that compared against it could decide "nothing to do" for a change that our write had undone (a pod that
/// flipped not-ready and back within one informer lag), and that change would be lost until the next pod event.
/// </summary>
internal sealed class StaleEndpointsTracker
{
    private readonly ConcurrentDictionary<string, string> _replaced = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="replaced"/> (the version our update was based on) is out of date now.</summary>
    public void Replaced(string key, V1Endpoints replaced)
    {
        if (replaced.Metadata?.ResourceVersion is { } rv) _replaced[key] = rv;
    }

    public bool IsStale(string key, V1Endpoints cached) =>
        _replaced.TryGetValue(key, out var rv) && rv == cached.Metadata?.ResourceVersion;

    public void Delete(string key) => _replaced.TryRemove(key, out _);
}
