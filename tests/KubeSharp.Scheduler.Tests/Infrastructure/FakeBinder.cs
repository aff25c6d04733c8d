using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Tests.Infrastructure;

/// <summary>A binder whose calls the test completes by hand, to observe the scheduler while bindings are in flight.</summary>
public sealed class FakeBinder : IPodBinder
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Pod, string Node, TaskCompletionSource<Status> Result)> _calls = new();

    public int Count => _calls.Count;

    public Task<Status> BindAsync(string ns, string podName, string podUid, string nodeName, CancellationToken ct)
    {
        var tcs = new TaskCompletionSource<Status>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls.Enqueue((podName, nodeName, tcs));
        return tcs.Task;
    }

    public (string Pod, string Node, TaskCompletionSource<Status> Result) Call(int i) => _calls.ElementAt(i);
}
