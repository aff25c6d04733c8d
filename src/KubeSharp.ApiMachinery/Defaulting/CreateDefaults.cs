using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>
/// The create-time fills of upstream's registry strategies (PrepareForCreate), for the API server to run on create
/// only, after <see cref="Defaulter.Apply"/>: a new Pod's status becomes {phase: Pending, qosClass}; controllers
/// whose strategies track spec changes start at metadata.generation 1 with an empty status.
/// </summary>
public static class CreateDefaults
{
    public static void PrepareForCreate(object obj)
    {
        switch (obj)
        {
            case V1Pod pod:
                // upstream replaces any client-supplied status on create.
                pod.Status = new V1PodStatus { Phase = "Pending", QosClass = PodQos.Compute(pod.Spec ?? new V1PodSpec()) };
                ApplySchedulingGatedCondition(pod);
                break;
            case V1Deployment o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1DeploymentStatus();
                break;
            case V1ReplicaSet o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1ReplicaSetStatus();
                break;
            case V1ReplicationController o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1ReplicationControllerStatus();
                break;
            case V1DaemonSet o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1DaemonSetStatus();
                break;
            case V1StatefulSet o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1StatefulSetStatus();
                break;
            case V1Job o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1JobStatus();
                break;
            case V1CronJob o:
                Start(o.Metadata ??= new V1ObjectMeta());
                o.Status = new V1CronJobStatus();
                break;
            case V1Service o:
                o.Status = new V1ServiceStatus();
                break;
        }
    }

    /// <summary>
    /// upstream's applySchedulingGatedCondition: a pod created with scheduling gates says so in PodScheduled, since
    /// the scheduler will not look at it (and so writes no condition) until the gates are gone.
    /// </summary>
    private static void ApplySchedulingGatedCondition(V1Pod pod)
    {
        if ((pod.Spec?.SchedulingGates?.Count ?? 0) == 0) return;
        pod.Status.Conditions = new List<V1PodCondition>
        {
            new()
            {
                Type = "PodScheduled",
                Status = "False",
                Reason = "SchedulingGated",
                Message = "Scheduling is blocked due to non-empty scheduling gates",
                // The store sets the creation time just before; upstream stamps the condition at the same moment.
                LastTransitionTime = pod.Metadata?.CreationTimestamp,
            },
        };
    }

    private static void Start(V1ObjectMeta meta) => meta.Generation = 1;
}
