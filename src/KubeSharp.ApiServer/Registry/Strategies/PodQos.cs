using k8s.Models;

namespace KubeSharp.ApiServer.Registry.Strategies;

/// <summary>Upstream's QoS classes: Guaranteed when every container has cpu and memory limits equal to its requests,
/// BestEffort when none has any request or limit, Burstable otherwise.</summary>
public static class PodQos
{
    public static string Compute(V1Pod pod)
    {
        var containers = (pod.Spec?.Containers ?? []).Concat(pod.Spec?.InitContainers ?? []).ToList();
        var any = false;
        var guaranteed = containers.Count > 0;
        foreach (var c in containers)
        {
            var requests = c.Resources?.Requests;
            var limits = c.Resources?.Limits;
            if (requests is { Count: > 0 } || limits is { Count: > 0 }) any = true;
            foreach (var name in new[] { "cpu", "memory" })
            {
                if (limits == null || !limits.TryGetValue(name, out var limit)) { guaranteed = false; continue; }
                if (requests != null && requests.TryGetValue(name, out var request) && request.ToString() != limit.ToString()) guaranteed = false;
            }
        }
        if (!any) return "BestEffort";
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
