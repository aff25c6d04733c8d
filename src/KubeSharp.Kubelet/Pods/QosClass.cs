using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>Upstream's QoS classification (pkg/apis/core/helper/qos): Guaranteed, Burstable, BestEffort.</summary>
internal static class QosClass
{
    public const string Guaranteed = "Guaranteed";
    public const string Burstable = "Burstable";
    public const string BestEffort = "BestEffort";

    public static string Of(V1Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Status?.QosClass)) return pod.Status.QosClass;
        var containers = (pod.Spec.Containers ?? []).Concat(pod.Spec.InitContainers ?? []).ToList();
        var anySet = false;
        var guaranteed = true;
        foreach (var c in containers)
        {
            var requests = c.Resources?.Requests;
            var limits = c.Resources?.Limits;
            foreach (var name in new[] { "cpu", "memory" })
            {
                var hasRequest = requests != null && requests.TryGetValue(name, out var r) && r.ToDecimal() != 0;
                var hasLimit = limits != null && limits.TryGetValue(name, out var l) && l.ToDecimal() != 0;
                if (hasRequest || hasLimit) anySet = true;
                if (!hasLimit) guaranteed = false;
                else if (hasRequest && requests![name].ToDecimal() != limits![name].ToDecimal()) guaranteed = false;
            }
        }
        if (!anySet) return BestEffort;
        return guaranteed ? Guaranteed : Burstable;
    }
}
