using k8s.Models;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Tests.Infrastructure;

/// <summary>Namespaces' labels, services and controllers given by the test.</summary>
internal sealed class FakeClusterObjects : IClusterObjects
{
    public Dictionary<string, Dictionary<string, string>> Namespaces { get; } = new();

    public List<V1Service> ServiceList { get; } = [];

    public List<V1ReplicationController> ReplicationControllers { get; } = [];

    public List<V1ReplicaSet> ReplicaSets { get; } = [];

    public List<V1StatefulSet> StatefulSets { get; } = [];

    public List<V1PodDisruptionBudget> Budgets { get; } = [];

    public IReadOnlyDictionary<string, string>? NamespaceLabels(string ns) => Namespaces.GetValueOrDefault(ns);

    public IReadOnlyList<V1Service> Services(string ns) => ServiceList.Where(s => s.Metadata.NamespaceProperty == ns).ToList();

    public V1ReplicationController? ReplicationController(string ns, string name) =>
        ReplicationControllers.FirstOrDefault(x => x.Metadata.NamespaceProperty == ns && x.Metadata.Name == name);

    public V1ReplicaSet? ReplicaSet(string ns, string name) =>
        ReplicaSets.FirstOrDefault(x => x.Metadata.NamespaceProperty == ns && x.Metadata.Name == name);

    public V1StatefulSet? StatefulSet(string ns, string name) =>
        StatefulSets.FirstOrDefault(x => x.Metadata.NamespaceProperty == ns && x.Metadata.Name == name);

    public IReadOnlyList<V1PodDisruptionBudget> PodDisruptionBudgets() => Budgets;
}
