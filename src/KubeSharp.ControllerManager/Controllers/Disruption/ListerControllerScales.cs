using k8s.Models;
using KubeSharp.Client.Cache;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager.Controllers.Disruption;

/// <summary>
/// Upstream's finders, tried in its order: ReplicationController, Deployment (through the pod's ReplicaSet),
/// ReplicaSet (only one no Deployment controls), StatefulSet. Upstream's last finder, any kind with a scale
/// subresource, is not here: only these kinds have scale in this server.
/// </summary>
internal sealed class ListerControllerScales(
    Lister<V1ReplicationController> rcs,
    Lister<V1ReplicaSet> rss,
    Lister<V1Deployment> deployments,
    Lister<V1StatefulSet> statefulSets) : IControllerScales
{
    public ControllerScale? Find(string ns, V1OwnerReference controllerRef)
    {
        var group = GroupOf(controllerRef.ApiVersion);
        switch (controllerRef.Kind, group)
        {
            case ("ReplicationController", ""):
                return rcs.Get(ns, controllerRef.Name) is { } rc && rc.Metadata.Uid == controllerRef.Uid
                    ? new ControllerScale(rc.Metadata.Uid, rc.Spec?.Replicas ?? 1)
                    : null;
            case ("ReplicaSet", "apps"):
                if (rss.Get(ns, controllerRef.Name) is not { } rs || rs.Metadata.Uid != controllerRef.Uid) return null;
                if (PodState.ControllerOf(rs.Metadata) is { Kind: "Deployment" } deploymentRef && GroupOf(deploymentRef.ApiVersion) == "apps")
                {
                    // A Deployment's pods count against the Deployment's replicas, not the ReplicaSet's (which
                    // differ during a rollout).
                    return deployments.Get(ns, deploymentRef.Name) is { } d && d.Metadata.Uid == deploymentRef.Uid
                        ? new ControllerScale(d.Metadata.Uid, d.Spec?.Replicas ?? 1)
                        : null;
                }
                return new ControllerScale(rs.Metadata.Uid, rs.Spec?.Replicas ?? 1);
            case ("StatefulSet", "apps"):
                return statefulSets.Get(ns, controllerRef.Name) is { } ss && ss.Metadata.Uid == controllerRef.Uid
                    ? new ControllerScale(ss.Metadata.Uid, ss.Spec?.Replicas ?? 1)
                    : null;
            default:
                return null;
        }
    }

    private static string GroupOf(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/') ?? -1;
        return slash < 0 ? "" : apiVersion![..slash];
    }
}
