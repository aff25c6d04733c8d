using System.Diagnostics;

namespace KubeSharp.Benchmarks.ControllerBench.Harness;

/// <summary>
/// A condition over state that watch handlers update: <see cref="Check"/> is called after each event and stamps
/// the Stopwatch time of the first event that made the condition true. Check runs under the caller's lock (the
/// one that guards the state the condition reads), including once right after the waiter is registered.
/// </summary>
internal sealed class Waiter
{
    private readonly Func<bool> _condition;
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Waiter(Func<bool> condition) => _condition = condition;

    public Task<long> Completed => _done.Task;

    public void Check()
    {
        if (!_done.Task.IsCompleted && _condition()) _done.TrySetResult(Stopwatch.GetTimestamp());
    }

    public async Task<long> WaitAsync(TimeSpan timeout, string what, CancellationToken ct)
    {
        try
        {
            return await _done.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
        }
    }
}
