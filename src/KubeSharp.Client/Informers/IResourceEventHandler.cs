namespace KubeSharp.Client.Informers;

/// <summary>
/// Receives an informer's changes (client-go's ResourceEventHandler). Calls for one handler are sequential and in
/// order; objects are shared cache instances (copy before mutating). Handlers should only enqueue keys: a slow
/// handler delays only itself, never the informer or other handlers.
/// </summary>
public interface IResourceEventHandler<in T>
{
    void OnAdd(T obj);

    /// <summary>Also called on resync and after a relist with <paramref name="oldObj"/> possibly equal to <paramref name="newObj"/>.</summary>
    void OnUpdate(T oldObj, T newObj);

    /// <summary>
    /// <paramref name="finalStateUnknown"/> is true when the deletion was noticed by a relist rather than a watch
    /// event (client-go's DeletedFinalStateUnknown tombstone): <paramref name="obj"/> is then the last state the
    /// cache saw, which may be stale.
    /// </summary>
    void OnDelete(T obj, bool finalStateUnknown);
}
