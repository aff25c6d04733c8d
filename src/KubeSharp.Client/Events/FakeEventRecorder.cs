using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace KubeSharp.Client.Events;

/// <summary>
/// Records events as "Type Reason Message" strings instead of writing them (client-go's record.FakeRecorder), so
/// controller tests can assert on what a sync reported.
/// </summary>
public sealed class FakeEventRecorder : IEventRecorder
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => _events.ToArray();

    public void Event(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message) =>
        _events.Enqueue($"{type} {reason} {message}");

    public void Event(V1ObjectReference reference, string type, string reason, string message) =>
        _events.Enqueue($"{type} {reason} {message}");
}
