using k8s.Models;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>Why a new pod was not admitted: the status reason and the message (upstream's PodAdmitResult).</summary>
public sealed record AdmitRejection(string Reason, string Message);

/// <summary>
/// Upstream's eviction admit handler: while the node reports a pressure condition, new pods are refused so that
/// the kubelet does not start what it would have to evict. Critical pods are always admitted. Under memory pressure
/// alone, only BestEffort pods are refused, unless they tolerate the memory-pressure taint; any other pressure
/// (disk, PIDs) refuses every pod.
/// </summary>
public sealed class EvictionAdmission(NodePressure pressure)
{
    public const string Reason = "Evicted";

    private static readonly string[] ConditionOrder = ["MemoryPressure", "DiskPressure", "PIDPressure"];

    public AdmitRejection? Admit(V1Pod pod)
    {
        var conditions = pressure.Conditions;
        if (conditions.Count == 0 || EvictionManager.IsCritical(pod)) return null;
        if (conditions.Count == 1 && pressure.Memory)
        {
            if (QosClass.Of(pod) != QosClass.BestEffort) return null;
            if (ToleratesMemoryPressure(pod.Spec?.Tolerations)) return null;
        }
        // Go's %v of the condition list: "[MemoryPressure DiskPressure]".
        var list = string.Join(' ', ConditionOrder.Where(conditions.Contains).Concat(conditions.Except(ConditionOrder).Order(StringComparer.Ordinal)));
        return new AdmitRejection(Reason, $"The node had condition: [{list}]. ");
    }

    /// <summary>Upstream Toleration.ToleratesTaint for the taint node.kubernetes.io/memory-pressure:NoSchedule (empty value).</summary>
    private static bool ToleratesMemoryPressure(IList<V1Toleration>? tolerations)
    {
        foreach (var t in tolerations ?? [])
        {
            if (!string.IsNullOrEmpty(t.Effect) && t.Effect != "NoSchedule") continue;
            if (!string.IsNullOrEmpty(t.Key) && t.Key != "node.kubernetes.io/memory-pressure") continue;
            var tolerates = t.OperatorProperty switch
            {
                null or "" or "Equal" => string.IsNullOrEmpty(t.Value),
                "Exists" => true,
                _ => false,
            };
            if (tolerates) return true;
        }
        return false;
    }
}
