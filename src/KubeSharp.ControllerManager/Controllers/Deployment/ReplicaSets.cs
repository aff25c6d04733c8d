using k8s;
using k8s.Models;
using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Queries over a Deployment's ReplicaSets (upstream's deploymentutil helpers). Null entries are skipped.</summary>
internal static class ReplicaSets
{
    public static int Replicas(V1ReplicaSet? rs) => rs?.Spec?.Replicas ?? 0;

    public static int SpecReplicas(IEnumerable<V1ReplicaSet?> list) => list.Sum(Replicas);

    public static int StatusReplicas(IEnumerable<V1ReplicaSet?> list) => list.Sum(rs => rs?.Status?.Replicas ?? 0);

    public static int ReadyReplicas(IEnumerable<V1ReplicaSet?> list) => list.Sum(rs => rs?.Status?.ReadyReplicas ?? 0);

    public static int AvailableReplicas(IEnumerable<V1ReplicaSet?> list) => list.Sum(rs => rs?.Status?.AvailableReplicas ?? 0);

    /// <summary>ReplicaSets with spec.replicas above zero.</summary>
    public static List<V1ReplicaSet> Active(IEnumerable<V1ReplicaSet?> list) => list.Where(rs => Replicas(rs) > 0).Select(rs => rs!).ToList();

    /// <summary>Oldest first; equal timestamps (one-second resolution) by name, as upstream's ReplicaSetsByCreationTimestamp.</summary>
    public static List<V1ReplicaSet> ByCreation(IEnumerable<V1ReplicaSet> list) =>
        list.OrderBy(Created).ThenBy(rs => rs.Name(), StringComparer.Ordinal).ToList();

    /// <summary>Largest first; ties newer first (the order a scale-up distributes in: ReplicaSetsBySizeNewer).</summary>
    public static List<V1ReplicaSet> BySizeNewer(IEnumerable<V1ReplicaSet> list) =>
        list.OrderByDescending(Replicas).ThenByDescending(Created).ThenByDescending(rs => rs.Name(), StringComparer.Ordinal).ToList();

    /// <summary>Largest first; ties older first (the order a scale-down distributes in: ReplicaSetsBySizeOlder).</summary>
    public static List<V1ReplicaSet> BySizeOlder(IEnumerable<V1ReplicaSet> list) =>
        list.OrderByDescending(Replicas).ThenBy(Created).ThenBy(rs => rs.Name(), StringComparer.Ordinal).ToList();

    /// <summary>Lowest revision first, ties by creation (ReplicaSetsByRevision): the order history is cleaned in.</summary>
    public static List<V1ReplicaSet> ByRevision(IEnumerable<V1ReplicaSet> list) =>
        list.OrderBy(Revisions.Of).ThenBy(Created).ThenBy(rs => rs.Name(), StringComparer.Ordinal).ToList();

    /// <summary>The oldest ReplicaSet whose template equals the Deployment's, ignoring the pod-template-hash label.</summary>
    public static V1ReplicaSet? FindNew(V1Deployment d, IEnumerable<V1ReplicaSet> list) =>
        ByCreation(list).FirstOrDefault(rs => EqualIgnoreHash(rs.Spec?.Template, d.Spec?.Template));

    /// <summary>
    /// Every ReplicaSet but the new one (<c>AllOld</c>), and those of them with replicas (<c>Old</c>) — upstream's
    /// FindOldReplicaSets.
    /// </summary>
    public static (List<V1ReplicaSet> Old, List<V1ReplicaSet> AllOld) FindOld(V1Deployment d, IEnumerable<V1ReplicaSet> list)
    {
        var materialized = list.ToList();
        var newRS = FindNew(d, materialized);
        var allOld = materialized.Where(rs => newRS == null || rs.Uid() != newRS.Uid()).ToList();
        return (allOld.Where(rs => Replicas(rs) != 0).ToList(), allOld);
    }

    /// <summary>
    /// The one ReplicaSet to give all replicas to when scaling: the only active one, or the newest when none is
    /// active; null when several are active (then scaling is proportional). Upstream's FindActiveOrLatest.
    /// </summary>
    public static V1ReplicaSet? FindActiveOrLatest(V1ReplicaSet? newRS, IReadOnlyList<V1ReplicaSet> oldRSs)
    {
        if (newRS == null && oldRSs.Count == 0) return null;
        var newestFirst = ByCreation(oldRSs);
        newestFirst.Reverse();
        var active = Active(newestFirst.Append(newRS));
        return active.Count switch
        {
            0 => newRS ?? newestFirst[0],
            1 => active[0],
            _ => null,
        };
    }

    /// <summary>The new ReplicaSet runs every replica, available, at the Deployment's current size.</summary>
    public static bool IsSaturated(V1Deployment d, V1ReplicaSet? rs)
    {
        if (rs == null) return false;
        var desired = Revisions.IntAnnotation(rs, DeploymentKeys.DesiredReplicas);
        var replicas = RollingMath.Replicas(d);
        return Replicas(rs) == replicas && desired == replicas && (rs.Status?.AvailableReplicas ?? 0) == replicas;
    }

    /// <summary>
    /// Template equality without the pod-template-hash label (upstream's EqualIgnoreHash). An empty and a missing
    /// map compare equal, as apimachinery's semantic equality treats them.
    /// </summary>
    public static bool EqualIgnoreHash(V1PodTemplateSpec? a, V1PodTemplateSpec? b) =>
        Normalized(a).SequenceEqual(Normalized(b));

    private static byte[] Normalized(V1PodTemplateSpec? template)
    {
        if (template == null) return [];
        var node = KubeJson.ToNode(template);
        if (node["metadata"] is JsonObject meta)
        {
            if (meta["labels"] is JsonObject labels)
            {
                labels.Remove(DeploymentKeys.PodTemplateHashLabel);
                if (labels.Count == 0) meta.Remove("labels");
            }
            if (meta["annotations"] is JsonObject { Count: 0 }) meta.Remove("annotations");
            if (meta.Count == 0) node.AsObject().Remove("metadata");
        }
        return System.Text.Encoding.UTF8.GetBytes(CanonicalJson.Of(node));
    }

    private static DateTime Created(V1ReplicaSet rs) => rs.Metadata?.CreationTimestamp ?? DateTime.MinValue;
}
