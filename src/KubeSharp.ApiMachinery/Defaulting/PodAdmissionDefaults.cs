using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// upstream's DefaultTolerationSeconds admission plugin: on Pod create (not templates), tolerate the
/// not-ready and unreachable NoExecute taints for 300 seconds unless the pod already tolerates them.
/// </summary>
public static class PodAdmissionDefaults
{
    public const long DefaultTolerationSeconds = 300;
    public const string NotReadyTaint = "node.kubernetes.io/not-ready";
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";

    public static void AddDefaultTolerations(V1Pod pod)
    {
        pod.Spec ??= new V1PodSpec();
        var tolerations = pod.Spec.Tolerations ?? [];
        // An empty key or empty effect in an existing toleration already covers the taint.
        var notReady = tolerations.Any(t => Covers(t, NotReadyTaint));
        var unreachable = tolerations.Any(t => Covers(t, UnreachableTaint));
        if (notReady && unreachable)
        {
            return;
        }
        var list = new List<V1Toleration>(tolerations);
        if (!notReady)
        {
            list.Add(Toleration(NotReadyTaint));
        }
        if (!unreachable)
        {
            list.Add(Toleration(UnreachableTaint));
        }
        pod.Spec.Tolerations = list;
    }

    private static bool Covers(V1Toleration t, string key) =>
        (string.IsNullOrEmpty(t.Key) || t.Key == key) && (string.IsNullOrEmpty(t.Effect) || t.Effect == "NoExecute");

    private static V1Toleration Toleration(string key) => new()
    {
        Key = key,
        OperatorProperty = "Exists",
        Effect = "NoExecute",
        TolerationSeconds = DefaultTolerationSeconds,
    };
}
