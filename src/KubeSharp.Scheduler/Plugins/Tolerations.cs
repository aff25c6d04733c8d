using k8s.Models;

namespace KubeSharp.Scheduler.Plugins;

/// <summary>Upstream's Toleration.ToleratesTaint.</summary>
public static class Tolerations
{
    public static bool Tolerates(V1Toleration t, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(t.Effect) && t.Effect != taint.Effect) return false;
        // An empty key with operator Exists matches every taint.
        if (!string.IsNullOrEmpty(t.Key) && t.Key != taint.Key) return false;
        return t.OperatorProperty switch
        {
            "Exists" => true,
            null or "" or "Equal" => (t.Value ?? "") == (taint.Value ?? ""),
            _ => false,
        };
    }

    public static bool AnyTolerates(IList<V1Toleration>? tolerations, V1Taint taint)
    {
        if (tolerations == null) return false;
        foreach (var t in tolerations)
        {
            if (Tolerates(t, taint)) return true;
        }
        return false;
    }
}
