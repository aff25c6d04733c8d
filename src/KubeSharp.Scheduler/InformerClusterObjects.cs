using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Informers;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>The plugins' views of namespaces, services, controllers and disruption budgets, read from this scheduler's informers.</summary>
internal sealed class InformerClusterObjects(SharedInformerFactory informers) : IClusterObjects
{
    private readonly Lister<V1Namespace> _namespaces = informers.ListerFor<V1Namespace>();
    private readonly Lister<V1Service> _services = informers.ListerFor<V1Service>();
    private readonly Lister<V1ReplicationController> _rcs = informers.ListerFor<V1ReplicationController>();
    private readonly Lister<V1ReplicaSet> _rss = informers.ListerFor<V1ReplicaSet>();
    private readonly Lister<V1StatefulSet> _sss = informers.ListerFor<V1StatefulSet>();
    private readonly Lister<V1PodDisruptionBudget> _pdbs = informers.ListerFor<V1PodDisruptionBudget>();

    public IReadOnlyDictionary<string, string>? NamespaceLabels(string ns) =>
        _namespaces.Get(null, ns)?.Metadata.Labels is { } labels ? Plugins.Labels.Of(labels) : null;

    public IReadOnlyList<V1Service> Services(string ns) => _services.List(ns);

    public V1ReplicationController? ReplicationController(string ns, string name) => _rcs.Get(ns, name);

    public V1ReplicaSet? ReplicaSet(string ns, string name) => _rss.Get(ns, name);

    public V1StatefulSet? StatefulSet(string ns, string name) => _sss.Get(ns, name);

    public IReadOnlyList<V1PodDisruptionBudget> PodDisruptionBudgets() => _pdbs.List();
}
