using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client.Rest;
using WatchEventType = KubeSharp.Client.Rest.WatchEventType;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>
/// Follows one namespace's objects of a kind through a watch from a list's resourceVersion and checks an invariant
/// after every event, i.e. at every state the store went through, not only at the states a poll happens to see.
/// Violations are collected; the test asserts there were none.
/// </summary>
public sealed class WatchedState<T> : IAsyncDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, T> _objects = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<IReadOnlyCollection<T>, string?> _invariant;
    private readonly Task _loop;

    private WatchedState(ResourceClient<T> client, string ns, ObjectList<T> initial, Func<IReadOnlyCollection<T>, string?> invariant)
    {
        _invariant = invariant;
        foreach (var o in initial.Items) _objects[o.Uid()] = o;
        Check();
        _loop = Task.Run(() => FollowAsync(client, ns, initial.Metadata.ResourceVersion!, _stop.Token));
    }

    /// <summary>Messages of every state that broke the invariant.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>How many events were seen (a test checks that it watched something).</summary>
    public int Events { get; private set; }

    /// <summary><paramref name="invariant"/> returns null when the state is fine, else what is wrong.</summary>
    public static async Task<WatchedState<T>> StartAsync(KubeClient client, string ns, Func<IReadOnlyCollection<T>, string?> invariant)
    {
        var resources = client.For<T>();
        return new WatchedState<T>(resources, ns, await resources.ListAsync(ns), invariant);
    }

    private async Task FollowAsync(ResourceClient<T> client, string ns, string resourceVersion, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await foreach (var e in client.WatchAsync(ns, new ListOptions { ResourceVersion = resourceVersion }, ct))
                {
                    if (e.Object == null) continue;
                    resourceVersion = e.Object.ResourceVersion();
                    if (e.Type == WatchEventType.Deleted) _objects.TryRemove(e.Object.Uid(), out _);
                    else if (e.Type is WatchEventType.Added or WatchEventType.Modified) _objects[e.Object.Uid()] = e.Object;
                    else continue;
                    Events++;
                    Check();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void Check()
    {
        if (_invariant(_objects.Values.ToList()) is { } problem) Violations.Enqueue(problem);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
