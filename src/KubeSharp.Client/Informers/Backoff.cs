namespace KubeSharp.Client.Informers;

/// <summary>Exponential back-off with up to +100% jitter (capped at the maximum), so restarted clients do not retry in lockstep.</summary>
internal sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private TimeSpan _next;

    public Backoff(TimeSpan initial, TimeSpan max, Random random)
    {
        _initial = initial;
        _max = max;
        _random = random;
        _next = initial;
    }

    public TimeSpan Next()
    {
        var current = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, current.Ticks * 2));
        var jittered = current.Ticks + (long)(current.Ticks * _random.NextDouble());
        return TimeSpan.FromTicks(Math.Min(_max.Ticks, jittered));
    }

    public void Reset() => _next = _initial;
}
