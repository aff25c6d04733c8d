using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KubeSharp.Client.Informers;

namespace KubeSharp.Client.Tests.Informers;

/// <summary>Records every callback as "add:name", "update:name", "delete:name" or "tombstone:name".</summary>
public sealed class RecordingHandler<T> : IResourceEventHandler<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentQueue<string> _events = new();

    public int Updates;

    public int UnchangedUpdates;

    public IReadOnlyList<string> Events => _events.ToArray();

    public bool Saw(string e) => _events.Contains(e);

    public void OnAdd(T obj) => _events.Enqueue("add:" + obj.Name());

    public void OnUpdate(T oldObj, T newObj)
    {
        Interlocked.Increment(ref Updates);
        if (ReferenceEquals(oldObj, newObj)) Interlocked.Increment(ref UnchangedUpdates);
        _events.Enqueue("update:" + newObj.Name());
    }

    public void OnDelete(T obj, bool finalStateUnknown) => _events.Enqueue((finalStateUnknown ? "tombstone:" : "delete:") + obj.Name());
}
