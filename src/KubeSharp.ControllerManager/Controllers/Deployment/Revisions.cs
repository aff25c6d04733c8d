using System.Globalization;
using k8s;
using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// Revision and replica annotations on ReplicaSets (upstream's SetNewReplicaSetAnnotations, SetReplicasAnnotations,
/// MaxRevision, SetDeploymentRevision). Every setter works on a copy the caller owns and says whether it changed it.
/// </summary>
internal static class Revisions
{
    /// <summary>The revision annotation as a number; 0 when absent or not a number.</summary>
    public static long Of(V1ReplicaSet rs) =>
        rs.Metadata?.Annotations?.TryGetValue(DeploymentKeys.Revision, out var v) == true
        && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static long Max(IEnumerable<V1ReplicaSet> list) => list.Select(Of).DefaultIfEmpty(0).Max();

    public static int? IntAnnotation(IKubernetesObject<V1ObjectMeta> obj, string key) =>
        obj.Metadata?.Annotations?.TryGetValue(key, out var v) == true
        && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>desired-replicas and max-replicas, the sizes proportional scaling later compares against.</summary>
    public static bool SetReplicasAnnotations(V1ReplicaSet rs, int desired, int max)
    {
        rs.Metadata.Annotations ??= new Dictionary<string, string>();
        var changed = Set(rs.Metadata.Annotations, DeploymentKeys.DesiredReplicas, desired.ToString(CultureInfo.InvariantCulture));
        changed |= Set(rs.Metadata.Annotations, DeploymentKeys.MaxReplicas, max.ToString(CultureInfo.InvariantCulture));
        return changed;
    }

    /// <summary>
    /// Copies the Deployment's annotations (change-cause among them) onto its new ReplicaSet, raises the
    /// ReplicaSet's revision to <paramref name="newRevision"/> if it is lower — keeping the revision it had in
    /// revision-history when it had one, which is what a rollback looks like — and, for a ReplicaSet about to be
    /// created, sets the replica annotations.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(V1Deployment d, V1ReplicaSet rs, long newRevision, bool exists)
    {
        rs.Metadata.Annotations ??= new Dictionary<string, string>();
        var annotations = rs.Metadata.Annotations;
        var changed = false;
        foreach (var (k, v) in d.Metadata?.Annotations ?? new Dictionary<string, string>())
        {
            if (DeploymentKeys.NotCopied.Contains(k)) continue;
            changed |= Set(annotations, k, v);
        }

        var hadRevision = annotations.TryGetValue(DeploymentKeys.Revision, out var oldText);
        long oldRevision = 0;
        if (hadRevision && !long.TryParse(oldText, NumberStyles.None, CultureInfo.InvariantCulture, out oldRevision))
        {
            // Upstream leaves a ReplicaSet with an unreadable revision alone rather than guess.
            if (!string.IsNullOrEmpty(oldText)) return false;
        }
        if (oldRevision < newRevision)
        {
            annotations[DeploymentKeys.Revision] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (hadRevision) AppendHistory(annotations, oldText!);
        }
        if (!exists) changed |= SetReplicasAnnotations(rs, RollingMath.Replicas(d), RollingMath.Replicas(d) + RollingMath.MaxSurge(d));
        return changed;
    }

    /// <summary>Copies the new ReplicaSet's revision to the Deployment; true when it changed.</summary>
    public static bool SetDeploymentRevision(V1Deployment d, string? revision)
    {
        if (string.IsNullOrEmpty(revision)) return false;
        d.Metadata.Annotations ??= new Dictionary<string, string>();
        return Set(d.Metadata.Annotations, DeploymentKeys.Revision, revision);
    }

    /// <summary>Appends the revision this ReplicaSet leaves behind, dropping the oldest entries beyond 2000 characters.</summary>
    private static void AppendHistory(IDictionary<string, string> annotations, string oldRevision)
    {
        var history = annotations.TryGetValue(DeploymentKeys.RevisionHistory, out var h) ? h : "";
        if (history.Length == 0)
        {
            annotations[DeploymentKeys.RevisionHistory] = oldRevision;
            return;
        }
        var entries = history.Split(',').ToList();
        var total = history.Length + oldRevision.Length + 1;
        var start = 0;
        while (total > DeploymentKeys.MaxRevisionHistoryLength && start < entries.Count)
        {
            total -= entries[start].Length + 1;
            start++;
        }
        if (total > DeploymentKeys.MaxRevisionHistoryLength) return;
        annotations[DeploymentKeys.RevisionHistory] = string.Join(",", entries.Skip(start).Append(oldRevision));
    }

    private static bool Set(IDictionary<string, string> map, string key, string value)
    {
        if (map.TryGetValue(key, out var have) && have == value) return false;
        map[key] = value;
        return true;
    }
}
