using k8s;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// Scaling a Deployment in the middle of a rollout (upstream's scale + GetProportion): the replicas to add or remove
/// are spread over the active ReplicaSets in proportion to their size as recorded in max-replicas, largest first;
/// what rounding leaves over goes to the largest. The total after scaling is replicas + maxSurge.
/// </summary>
internal static class ProportionalScaling
{
    /// <summary>New sizes for <paramref name="active"/>, in the order to apply them, and "up"/"down"/"" .</summary>
    public static (List<(V1ReplicaSet Rs, int Size)> Sizes, string Operation) Plan(V1Deployment d, IEnumerable<V1ReplicaSet> active, int statusReplicas)
    {
        var list = active.ToList();
        var replicas = RollingMath.Replicas(d);
        var allowed = replicas > 0 ? replicas + RollingMath.MaxSurge(d) : 0;
        var toAdd = allowed - ReplicaSets.SpecReplicas(list);
        var operation = "";
        if (toAdd > 0)
        {
            list = ReplicaSets.BySizeNewer(list);
            operation = "up";
        }
        else if (toAdd < 0)
        {
            list = ReplicaSets.BySizeOlder(list);
            operation = "down";
        }

        var sizes = new List<(V1ReplicaSet Rs, int Size)>();
        var added = 0;
        foreach (var rs in list)
        {
            var proportion = toAdd != 0 ? Proportion(rs, d, toAdd, added, statusReplicas) : 0;
            sizes.Add((rs, ReplicaSets.Replicas(rs) + proportion));
            added += proportion;
        }
        if (toAdd != 0 && sizes.Count > 0)
        {
            // Leftovers of the rounding go to (or come from) the largest ReplicaSet.
            sizes[0] = (sizes[0].Rs, Math.Max(0, sizes[0].Size + toAdd - added));
        }
        return (sizes, operation);
    }

    /// <summary>
    /// This ReplicaSet's share of <paramref name="toAdd"/>, never beyond what is still to be distributed
    /// (min when adding, max when removing). A ReplicaSet at zero never grows proportionally.
    /// </summary>
    public static int Proportion(V1ReplicaSet rs, V1Deployment d, int toAdd, int added, int statusReplicas)
    {
        if (ReplicaSets.Replicas(rs) == 0 || toAdd == 0 || toAdd == added) return 0;
        var fraction = Fraction(rs, d, statusReplicas);
        var left = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, left) : Math.Max(fraction, left);
    }

    /// <summary>
    /// The change that keeps this ReplicaSet's share of the Deployment: size × (replicas + maxSurge) / max-replicas,
    /// rounded half away from zero. Without the annotation the Deployment's status.replicas stands in, as upstream.
    /// </summary>
    private static int Fraction(V1ReplicaSet rs, V1Deployment d, int statusReplicas)
    {
        var size = ReplicaSets.Replicas(rs);
        if (RollingMath.Replicas(d) == 0) return -size;
        var deploymentReplicas = RollingMath.Replicas(d) + RollingMath.MaxSurge(d);
        var annotated = Revisions.IntAnnotation(rs, DeploymentKeys.MaxReplicas) ?? statusReplicas;
        if (annotated == 0) return 0;
        var newSize = (double)size * deploymentReplicas / annotated;
        return (int)Math.Round(newSize, MidpointRounding.AwayFromZero) - size;
    }
}
