using k8s.Models;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>Pod predicates the workload controllers share (upstream's pkg/controller and podutil helpers).</summary>
internal static class PodState
{
    /// <summary>Counted by controllers: not terminal and not being deleted (controller.FilterActivePods).</summary>
    public static bool IsActive(V1Pod pod) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed") && pod.Metadata?.DeletionTimestamp == null;

    public static bool IsReady(V1Pod pod) => ReadyCondition(pod)?.Status == "True";

    /// <summary>Ready for at least <paramref name="minReadySeconds"/> (podutil.IsPodAvailable).</summary>
    public static bool IsAvailable(V1Pod pod, int minReadySeconds, DateTimeOffset now)
    {
        var ready = ReadyCondition(pod);
        if (ready?.Status != "True") return false;
        if (minReadySeconds == 0) return true;
        var since = ready.LastTransitionTime;
        return since != null && new DateTimeOffset(DateTime.SpecifyKind(since.Value, DateTimeKind.Utc)).AddSeconds(minReadySeconds) <= now;
    }

    public static V1PodCondition? ReadyCondition(V1Pod pod) =>
        pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    public static int Restarts(V1Pod pod) => pod.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0;

    /// <summary>The ownerReference with controller=true, if any (metav1.GetControllerOf).</summary>
    public static V1OwnerReference? ControllerOf(V1ObjectMeta? meta) =>
        meta?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
}
