using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Disruption;

namespace KubeSharp.ControllerManager.Tests.Controllers.Disruption;

/// <summary>Budgets, pods and a table of controller scales for the disruption controller's unit tests.</summary>
internal static class DisruptionFixtures
{
    public const string Ns = "ns";

    public static V1PodDisruptionBudget Pdb(string? minAvailable = null, string? maxUnavailable = null, long generation = 1) => new()
    {
        Metadata = new V1ObjectMeta { Name = "pdb", NamespaceProperty = Ns, Generation = generation },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = minAvailable == null ? null : (IntOrString)minAvailable,
            MaxUnavailable = maxUnavailable == null ? null : (IntOrString)maxUnavailable,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
        },
    };

    public static V1Pod Pod(string name, bool ready = true, string? owner = null, string ownerKind = "ReplicaSet", bool deleting = false) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Ns,
            Labels = new Dictionary<string, string> { ["app"] = "web" },
            DeletionTimestamp = deleting ? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null,
            OwnerReferences = owner == null
                ? null
                : [new V1OwnerReference { ApiVersion = ownerKind == "ReplicationController" ? "v1" : "apps/v1", Kind = ownerKind, Name = owner, Uid = "uid-" + owner, Controller = true }],
        },
        Status = new V1PodStatus
        {
            Phase = "Running",
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };

    public static V1Pod[] Pods(int count, string owner, int notReady = 0) =>
        Enumerable.Range(0, count).Select(i => Pod($"p{i}", ready: i >= notReady, owner: owner)).ToArray();

    /// <summary>Scales by controller name; a name not listed is a controller no finder knows.</summary>
    public sealed class Scales(params (string Name, int Replicas)[] known) : IControllerScales
    {
        public ControllerScale? Find(string ns, V1OwnerReference controllerRef)
        {
            foreach (var (name, replicas) in known)
            {
                if (name == controllerRef.Name) return new ControllerScale(controllerRef.Uid, replicas);
            }
            return null;
        }
    }
}
