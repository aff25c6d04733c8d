using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Scheduler;

/// <summary>
/// Read-modify-write of pods/status with the latest resourceVersion, retried on conflict (the kubelet writes the
/// same object). Skips the write when the condition already says the same, as upstream's updatePod does, so a
/// pod that keeps failing for one reason does not cause a write per attempt.
/// </summary>
internal sealed class ApiPodConditionWriter(ResourceClient<V1Pod> pods, TimeProvider time) : IPodConditionWriter
{
    public async Task SetPodScheduledAsync(V1Pod pod, string status, string reason, string message, string? nominatedNodeName, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await pods.GetAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, ct);
            if (current.Metadata.Uid != pod.Metadata.Uid || !string.IsNullOrEmpty(current.Spec?.NodeName)) return;
            current.Status ??= new V1PodStatus();
            current.Status.Conditions ??= new List<V1PodCondition>();
            var existing = current.Status.Conditions.FirstOrDefault(c => c.Type == "PodScheduled");
            if (existing != null && existing.Status == status && existing.Reason == reason && existing.Message == message
                && (nominatedNodeName == null || current.Status.NominatedNodeName == nominatedNodeName)) return;
            if (nominatedNodeName != null) current.Status.NominatedNodeName = nominatedNodeName;
            var now = time.GetUtcNow().UtcDateTime;
            var transition = existing != null && existing.Status == status
                ? existing.LastTransitionTime
                : new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            if (existing != null) current.Status.Conditions.Remove(existing);
            current.Status.Conditions.Add(new V1PodCondition
            {
                Type = "PodScheduled",
                Status = status,
                Reason = reason,
                Message = message,
                LastTransitionTime = transition,
            });
            try
            {
                await pods.UpdateStatusAsync(current, ct);
                return;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e) && attempt < 5)
            {
                // Someone else wrote the pod in between; read again.
            }
        }
    }
}
