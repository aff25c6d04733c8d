using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// Applies upstream's API defaults (SetDefaults_* of pkg/apis/*/v1 and the strategies' create-time fills) to a
/// decoded object, dispatching on its runtime type. Idempotent; unknown types are left untouched. The Pod-only
/// DefaultTolerationSeconds admission is separate: <see cref="PodAdmissionDefaults.AddDefaultTolerations"/>.
/// </summary>
public static class Defaulter
{
    public static void Apply(object obj)
    {
        switch (obj)
        {
            case V1Pod pod:
                PodDefaults.ApplyPod(pod);
                break;
            case V1PodTemplate podTemplate:
                PodDefaults.ApplyTemplate(podTemplate.Template);
                break;
            case V1ReplicationController rc:
                ReplicationControllerDefaults.Apply(rc);
                break;
            case V1ReplicaSet rs:
                ReplicaSetDefaults.Apply(rs);
                break;
            case V1Deployment deployment:
                DeploymentDefaults.Apply(deployment);
                break;
            case V1DaemonSet ds:
                DaemonSetDefaults.Apply(ds);
                break;
            case V1StatefulSet sts:
                StatefulSetDefaults.Apply(sts);
                break;
            case V1Job job:
                JobDefaults.Apply(job);
                break;
            case V1CronJob cronJob:
                CronJobDefaults.Apply(cronJob);
                break;
            case V1Service service:
                ServiceDefaults.Apply(service);
                break;
            case V1Namespace ns:
                NamespaceDefaults.Apply(ns);
                break;
            case V1Secret secret:
                if (string.IsNullOrEmpty(secret.Type))
                {
                    secret.Type = "Opaque";
                }
                break;
            case V1Node node:
                NodeDefaults.Apply(node);
                break;
            case V1Endpoints endpoints:
                EndpointsDefaults.Apply(endpoints);
                break;
            case V1EndpointSlice slice:
                EndpointsDefaults.Apply(slice);
                break;
            case V1LimitRange limitRange:
                LimitRangeDefaults.Apply(limitRange);
                break;
            case V1PriorityClass priorityClass:
                if (string.IsNullOrEmpty(priorityClass.PreemptionPolicy))
                {
                    priorityClass.PreemptionPolicy = "PreemptLowerPriority";
                }
                break;
            case V1PersistentVolume pv:
                PersistentVolumeDefaults.Apply(pv);
                break;
            case V1PersistentVolumeClaim pvc:
                PersistentVolumeDefaults.ApplyClaim(pvc);
                break;
        }
        // ConfigMap, ResourceQuota, Lease, ServiceAccount, ControllerRevision, both Event kinds: upstream has no defaults.
    }
}
