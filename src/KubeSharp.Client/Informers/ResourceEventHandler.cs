namespace KubeSharp.Client.Informers;

/// <summary>An <see cref="IResourceEventHandler{T}"/> from delegates; unset ones ignore their events.</summary>
public sealed class ResourceEventHandler<T> : IResourceEventHandler<T>
{
    public Action<T>? Added { get; init; }

    public Action<T, T>? Updated { get; init; }

    /// <summary>The object and whether its final state is unknown (see <see cref="IResourceEventHandler{T}.OnDelete"/>).</summary>
    public Action<T, bool>? Deleted { get; init; }

    public void OnAdd(T obj) => Added?.Invoke(obj);

    public void OnUpdate(T oldObj, T newObj) => Updated?.Invoke(oldObj, newObj);

    public void OnDelete(T obj, bool finalStateUnknown) => Deleted?.Invoke(obj, finalStateUnknown);
}
