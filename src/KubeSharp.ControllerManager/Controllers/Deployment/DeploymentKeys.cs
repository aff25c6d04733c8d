namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>Annotation and label keys of upstream's deployment controller (pkg/controller/deployment/util).</summary>
internal static class DeploymentKeys
{
    /// <summary>The revision of a ReplicaSet (and, copied from its new ReplicaSet, of the Deployment).</summary>
    public const string Revision = "deployment.kubernetes.io/revision";

    /// <summary>Revisions a ReplicaSet held before a rollback made it new again, comma separated.</summary>
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";

    /// <summary>spec.replicas of the Deployment when the ReplicaSet was last scaled by it.</summary>
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";

    /// <summary>spec.replicas + maxSurge at that time: the base of proportional scaling.</summary>
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";

    /// <summary>What kubectl rollout history shows per revision.</summary>
    public const string ChangeCause = "kubernetes.io/change-cause";

    /// <summary>Added to the ReplicaSet's selector, template and labels so ReplicaSets of one Deployment never overlap.</summary>
    public const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>Upstream's limit on the revision-history annotation (maxRevHistoryLengthInChars).</summary>
    public const int MaxRevisionHistoryLength = 2000;

    /// <summary>Deployment annotations never copied to its ReplicaSets (upstream's annotationsToSkip).</summary>
    public static readonly HashSet<string> NotCopied =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        Revision,
        RevisionHistory,
        DesiredReplicas,
        MaxReplicas,
        "deprecated.deployment.rollback.to",
    ];
}
