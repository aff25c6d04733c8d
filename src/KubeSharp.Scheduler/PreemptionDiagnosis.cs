using k8s.Models;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler;

/// <summary>
/// The message upstream's DefaultPreemption PostFilter adds when it finds no victims, computed the same way
/// (dry run per node): a node rejected as unresolvable is "Preemption is not helpful for scheduling"; a node
/// without lower-priority pods is "No preemption victims found for incoming pod"; otherwise the node is checked
/// again without its lower-priority pods and its filter reasons are kept. Evicting victims is not implemented:
/// when some node would fit after preemption, this returns null and the failure message has no preemption part.
/// </summary>
internal static class PreemptionDiagnosis
{
    public const string NotHelpful = "Preemption is not helpful for scheduling";
    public const string NoVictims = "No preemption victims found for incoming pod";

    public static string? Message(SchedulingFramework framework, CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes,
        IReadOnlyDictionary<string, Status> statuses)
    {
        if (pod.Spec?.PreemptionPolicy == "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
        var priority = PodOrder.Priority(pod);
        var result = new Dictionary<string, Status>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var status = statuses.TryGetValue(node.Name, out var s) ? s : Status.Unresolvable(NotHelpful);
            if (status.Code == StatusCode.UnschedulableAndUnresolvable)
            {
                result[node.Name] = Status.Unresolvable(NotHelpful);
                continue;
            }
            var trimmed = node.Clone();
            var victims = 0;
            foreach (var p in node.Pods)
            {
                if (PodOrder.Priority(p) >= priority) continue;
                trimmed.RemovePod(p.Metadata.Uid);
                victims++;
            }
            if (victims == 0)
            {
                result[node.Name] = Status.Unresolvable(NoVictims);
                continue;
            }
            var again = framework.RunFilter(state, pod, trimmed, []);
            if (again.IsSuccess) return null;
            result[node.Name] = again;
        }
        return "preemption: " + new FitError(nodes.Count, result).Message;
    }
}
