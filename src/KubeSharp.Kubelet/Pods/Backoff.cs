namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Upstream's flowcontrol.Backoff as the kubelet uses it for container restarts and image pulls: each key's delay
/// starts at <c>initial</c> and doubles up to <c>max</c>; an entry whose last update is more than 2 × max in the past
/// starts over (so a container that ran for 10 minutes restarts after 10 s again).
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (TimeSpan Delay, DateTimeOffset LastUpdate)> _entries = [];

    public static Backoff ForContainers() => new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

    public static Backoff ForImages() => new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

    /// <summary>True while <paramref name="eventTime"/> + the key's current delay is still in the future.</summary>
    public bool IsInBackOffSince(string key, DateTimeOffset eventTime, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry)) return false;
            // Upstream's hasExpired: the failure came long after the last one, so the history no longer counts.
            if (eventTime - entry.LastUpdate > 2 * max) return false;
            return now - eventTime < entry.Delay;
        }
    }

    /// <summary>Records one more failure at <paramref name="eventTime"/> and returns the new delay.</summary>
    public TimeSpan Next(string key, DateTimeOffset eventTime)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry) || eventTime - entry.LastUpdate > 2 * max)
            {
                entry = (initial, eventTime);
            }
            else
            {
                var doubled = entry.Delay * 2;
                entry = (doubled > max ? max : doubled, eventTime);
            }
            _entries[key] = entry;
            return entry.Delay;
        }
    }

    public TimeSpan Get(string key)
    {
        lock (_lock) return _entries.TryGetValue(key, out var entry) ? entry.Delay : TimeSpan.Zero;
    }

    /// <summary>Forgets every key with this prefix (a pod's containers when the pod goes).</summary>
    public void RemovePrefix(string prefix)
    {
        lock (_lock)
        {
            foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) _entries.Remove(key);
        }
    }
}
