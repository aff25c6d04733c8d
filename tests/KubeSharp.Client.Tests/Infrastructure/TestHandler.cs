namespace KubeSharp.Client.Tests.Infrastructure;

/// <summary>
/// Sits in front of a client's HTTP handler: counts requests, can hold watch requests at a gate (to let a watch
/// fall behind the server's event window on purpose), and can fail everything (a network partition).
/// </summary>
public sealed class TestHandler : DelegatingHandler
{
    private readonly object _lock = new();
    private TaskCompletionSource _gate = Open();
    private int _watches;
    private int _lists;
    private int _heldWatches;
    private int _posts;

    public int Watches => Volatile.Read(ref _watches);

    public int Lists => Volatile.Read(ref _lists);

    /// <summary>POST requests sent (creates), counted before a partition fails them.</summary>
    public int Posts => Volatile.Read(ref _posts);

    /// <summary>Watch requests currently waiting at the closed gate.</summary>
    public int HeldWatches => Volatile.Read(ref _heldWatches);

    /// <summary>While true every request fails as if the server were unreachable.</summary>
    public volatile bool Partitioned;

    public void CloseWatchGate()
    {
        lock (_lock)
        {
            if (_gate.Task.IsCompleted) _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void OpenWatchGate()
    {
        lock (_lock) _gate.TrySetResult();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var query = request.RequestUri?.Query ?? "";
        var isWatch = query.Contains("watch=true", StringComparison.Ordinal);
        if (isWatch) Interlocked.Increment(ref _watches);
        if (request.Method == HttpMethod.Post) Interlocked.Increment(ref _posts);
        if (Partitioned) throw new HttpRequestException("test partition");
        if (isWatch)
        {
            Task gate;
            lock (_lock) gate = _gate.Task;
            if (!gate.IsCompleted)
            {
                Interlocked.Increment(ref _heldWatches);
                try
                {
                    await gate.WaitAsync(ct);
                }
                finally
                {
                    Interlocked.Decrement(ref _heldWatches);
                }
            }
        }
        else if (request.Method == HttpMethod.Get)
        {
            Interlocked.Increment(ref _lists);
        }
        var response = await base.SendAsync(request, ct);
        if (Partitioned)
        {
            response.Dispose();
            throw new HttpRequestException("test partition");
        }
        return response;
    }

    private static TaskCompletionSource Open()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.TrySetResult();
        return tcs;
    }
}
