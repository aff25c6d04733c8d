using k8s.Models;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>Upstream's DefaultTolerationSeconds admission plugin: every pod tolerates not-ready and unreachable
/// nodes for 300 s unless it says otherwise, so the node lifecycle controller evicts it after that.</summary>
public static class PodAdmission
{
    public static void AddDefaultTolerations(V1Pod pod)
    {
        pod.Spec ??= new V1PodSpec();
        pod.Spec.Tolerations ??= new List<V1Toleration>();
        Add(pod.Spec.Tolerations, "node.kubernetes.io/not-ready");
        Add(pod.Spec.Tolerations, "node.kubernetes.io/unreachable");
    }

    private static void Add(IList<V1Toleration> tolerations, string key)
    {
        foreach (var t in tolerations)
        {
            // Any toleration that already covers this key for NoExecute (or all effects) is respected.
            if ((t.Key == key || (string.IsNullOrEmpty(t.Key) && t.OperatorProperty == "Exists"))
                && (string.IsNullOrEmpty(t.Effect) || t.Effect == "NoExecute")) return;
        }
        tolerations.Add(new V1Toleration { Key = key, OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 });
    }
}
