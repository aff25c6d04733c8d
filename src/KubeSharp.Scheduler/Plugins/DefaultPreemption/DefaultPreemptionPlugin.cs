using k8s.Models;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Queue;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// Upstream's DefaultPreemption PostFilter (framework/preemption Evaluator.Preempt): checks the pod may preempt,
/// dry-runs victim selection on every node the filters did not reject as unresolvable, picks one candidate, evicts
/// its victims and nominates the node; the scheduler writes status.nominatedNodeName and the pod is retried when
/// the victims are gone. PodDisruptionBudgets (from the cluster's informer) steer which pods become victims and
/// which node is chosen, but a budget never blocks preemption, as upstream. Differences: every node is dry-run (upstream samples
/// at least 10 % / 100 nodes from a random offset); lower-priority pods nominated to the node are not cleared;
/// the pods nominated to a node are not counted when filtering other pods.
/// </summary>
internal sealed class DefaultPreemptionPlugin(IPodPreemptor preemptor, IClusterObjects? cluster = null) : IPostFilterPlugin
{
    private readonly IClusterObjects _cluster = cluster ?? NoClusterObjects.Instance;

    public const string NotHelpful = "Preemption is not helpful for scheduling";

    public string Name => PluginNames.DefaultPreemption;

    public async Task<PostFilterResult> PostFilterAsync(CycleState state, V1Pod pod, PostFilterInput input, CancellationToken ct)
    {
        if (NotEligible(pod, input) is { } reason) return new PostFilterResult(null, Status.Unschedulable("preemption: " + reason));
        // Upstream lists every budget once per preemption attempt; the selection filters by namespace.
        var (candidates, statuses) = DryRun(state, pod, input, _cluster.PodDisruptionBudgets());
        if (candidates.Count == 0)
        {
            var message = new FitError(input.Nodes.Count, statuses).Message;
            return new PostFilterResult(null, Status.Unschedulable("preemption: " + message));
        }
        var best = CandidateOrder.Pick(candidates);
        foreach (var victim in best.Victims)
        {
            var s = await preemptor.EvictAsync(victim, pod, best.NodeName, ct);
            if (!s.IsSuccess) return new PostFilterResult(null, s);
        }
        return new PostFilterResult(best.NodeName, Status.Success);
    }

    internal static (List<Candidate> Candidates, Dictionary<string, Status> Statuses) DryRun(CycleState state, V1Pod pod, PostFilterInput input,
        IReadOnlyList<V1PodDisruptionBudget>? pdbs = null)
    {
        var candidates = new List<Candidate>();
        var statuses = new Dictionary<string, Status>(StringComparer.Ordinal);
        foreach (var node in input.Nodes)
        {
            var filtered = input.Statuses.TryGetValue(node.Name, out var f) ? f : Status.Unresolvable(NotHelpful);
            if (filtered.Code == StatusCode.UnschedulableAndUnresolvable)
            {
                statuses[node.Name] = Status.Unresolvable(NotHelpful);
                continue;
            }
            var (victims, violations, status) = VictimSelector.Select(state, pod, node, pdbs ?? [], input.Filter, input.AddPod, input.RemovePod);
            if (status.IsSuccess) candidates.Add(new Candidate(node.Name, victims, violations));
            else statuses[node.Name] = status;
        }
        return (candidates, statuses);
    }

    /// <summary>
    /// Upstream PodEligibleToPreemptOthers: never with preemptionPolicy=Never; and not again while a lower-priority
    /// pod on the node it is already nominated to is terminating (its earlier victims are still going), which
    /// keeps a retry from evicting more pods.
    /// </summary>
    private static string? NotEligible(V1Pod pod, PostFilterInput input)
    {
        if (pod.Spec?.PreemptionPolicy == "Never") return "not eligible due to preemptionPolicy=Never.";
        var nominated = pod.Status?.NominatedNodeName;
        if (string.IsNullOrEmpty(nominated)) return null;
        var priority = PodOrder.Priority(pod);
        foreach (var node in input.Nodes)
        {
            if (node.Name != nominated) continue;
            foreach (var p in node.Pods)
            {
                if (p.Metadata.DeletionTimestamp != null && PodOrder.Priority(p) < priority)
                {
                    return "not eligible due to a terminating pod on the nominated node.";
                }
            }
        }
        return null;
    }
}
