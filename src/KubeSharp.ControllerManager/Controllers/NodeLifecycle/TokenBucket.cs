namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>
/// A token bucket on an injected clock (client-go's flowcontrol.NewTokenBucketRateLimiter, non-blocking TryAccept):
/// <see cref="Qps"/> tokens a second up to <see cref="Burst"/>, starting full. A rate of 0 or less rejects everything
/// (upstream's fakeAlwaysRejectRateLimiter, used to stop tainting). Kept as the time the next token is due (the
/// generic cell rate algorithm) in whole ticks, so no rounding error builds up across many small steps.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private DateTimeOffset _due;

    public TokenBucket(double qps, int burst, TimeProvider time)
    {
        Qps = qps;
        Burst = burst;
        _time = time;
        _interval = qps > 0 ? TimeSpan.FromSeconds(1 / qps) : TimeSpan.MaxValue;
        _due = time.GetUtcNow();
    }

    public double Qps { get; }

    public int Burst { get; }

    public bool TryAccept()
    {
        if (Qps <= 0) return false;
        var now = _time.GetUtcNow();
        // Burst tokens: a token may be taken up to burst-1 intervals before it is due.
        if (now < _due - (_interval * (Burst - 1))) return false;
        _due = (now > _due ? now : _due) + _interval;
        return true;
    }
}
