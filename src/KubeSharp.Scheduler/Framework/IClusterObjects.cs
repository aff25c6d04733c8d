using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Read-only views of the other objects some plugins consult (upstream's informer listers in the framework
/// handle): namespace labels for affinity terms' namespaceSelector, the services and controllers whose
/// selectors give a pod its default topology spread, and the disruption budgets preemption respects.
/// </summary>
public interface IClusterObjects
{
    /// <summary>The namespace's labels; null when it is unknown.</summary>
    IReadOnlyDictionary<string, string>? NamespaceLabels(string ns);

    IReadOnlyList<V1Service> Services(string ns);

    V1ReplicationController? ReplicationController(string ns, string name);

    V1ReplicaSet? ReplicaSet(string ns, string name);

    V1StatefulSet? StatefulSet(string ns, string name);

    /// <summary>Every PodDisruptionBudget (preemption prefers victims whose eviction keeps within them).</summary>
    IReadOnlyList<V1PodDisruptionBudget> PodDisruptionBudgets();
}

/// <summary>A cluster with no namespaces' labels, services or controllers known (plugin tests that need none).</summary>
public sealed class NoClusterObjects : IClusterObjects
{
    public static readonly NoClusterObjects Instance = new();

    public IReadOnlyDictionary<string, string>? NamespaceLabels(string ns) => null;

    public IReadOnlyList<V1Service> Services(string ns) => [];

    public V1ReplicationController? ReplicationController(string ns, string name) => null;

    public V1ReplicaSet? ReplicaSet(string ns, string name) => null;

    public V1StatefulSet? StatefulSet(string ns, string name) => null;

    public IReadOnlyList<V1PodDisruptionBudget> PodDisruptionBudgets() => [];
}
