namespace KubeSharp.Client.Rest;

/// <summary>
/// client-go's client-side rate limit (rest.Config QPS/Burst): a token bucket in front of every request, so a
/// controller in a hot loop queues behind itself instead of flooding the API server. Requests wait for their
/// token rather than fail.
/// </summary>
internal sealed class ClientRateLimitHandler : DelegatingHandler
{
    private readonly object _lock = new();
    private readonly double _qps;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public ClientRateLimitHandler(double qps, int burst, TimeProvider time, HttpMessageHandler inner)
        : base(inner)
    {
        _qps = qps;
        _burst = Math.Max(1, burst);
        _time = time;
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct);
        return await base.SendAsync(request, ct);
    }

    /// <summary>Takes a token now, possibly going into debt; the debt is the time to wait.</summary>
    internal TimeSpan Reserve()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + _time.GetElapsedTime(_last, now).TotalSeconds * _qps);
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }
}
