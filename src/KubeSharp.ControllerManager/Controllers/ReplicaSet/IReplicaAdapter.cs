using k8s;
using k8s.Models;
using KubeSharp.Client.Cache;

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// What the replica controller needs from its owner kind. Upstream runs the ReplicationController manager as the
/// ReplicaSet manager behind conversions (pkg/controller/replication/conversion.go); here one generic controller
/// reads either kind through this adapter.
/// </summary>
internal interface IReplicaAdapter<TOwner>
    where TOwner : class, IKubernetesObject<V1ObjectMeta>
{
    string ControllerName { get; }

    string ApiVersion { get; }

    string Kind { get; }

    int Replicas(TOwner owner);

    int MinReadySeconds(TOwner owner);

    LabelSelector Selector(TOwner owner);

    V1PodTemplateSpec? Template(TOwner owner);

    ReplicaStatus Status(TOwner owner);

    /// <summary>Writes <paramref name="status"/> into <paramref name="owner"/> (a copy), keeping its conditions.</summary>
    void SetStatus(TOwner owner, ReplicaStatus status);
}
