using k8s;
using k8s.Models;

namespace KubeSharp.Client.Informers;

/// <summary>What an informer watches and how it paces itself. Defaults follow client-go's reflector.</summary>
public sealed record InformerOptions
{
    /// <summary>Restricts a namespaced resource to one namespace; null watches all.</summary>
    public string? Namespace { get; init; }

    /// <summary>labelSelector for list and watch, e.g. to watch only one controller's objects.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>fieldSelector for list and watch, e.g. "spec.nodeName=node-1" for a kubelet's pods.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>How often every cached object is re-delivered as an update; zero disables resync.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.Zero;

    /// <summary>Page size of the list (limit/continue), so a huge list does not arrive in one response.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Each watch asks the server to end it after a random time in [this, 2×this] (client-go: 5 min).</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First back-off after a failed list or watch; doubles up to <see cref="MaxBackoff"/> (client-go: 800 ms, 30 s).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Called on every object as it arrives from a list or watch, before it is stored or handed to handlers
    /// (client-go's TransformFunc). The object is freshly decoded and not shared yet, so changing it in place is
    /// allowed; e.g. <see cref="InformerTransforms.StripManagedFields"/> to save memory.
    /// </summary>
    public Action<IKubernetesObject<V1ObjectMeta>>? Transform { get; init; }
}
