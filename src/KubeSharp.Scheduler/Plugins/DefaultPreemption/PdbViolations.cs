using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// Upstream's filterPodsWithPDBViolation: walks the potential victims (most important first) against a running
/// copy of each budget's status.disruptionsAllowed; a victim whose eviction would take a matching budget below
/// zero is "violating". A pod already in a budget's status.disruptedPods was counted by the API server and does
/// not use that budget again. A budget with a null or empty selector matches nothing here (unlike the disruption
/// controller, where an empty selector matches every pod), as upstream's scheduler treats it.
/// </summary>
internal static class PdbViolations
{
    public static (List<V1Pod> Violating, List<V1Pod> NonViolating) Split(IReadOnlyList<V1Pod> victims, IReadOnlyList<V1PodDisruptionBudget> pdbs)
    {
        var violating = new List<V1Pod>();
        var nonViolating = new List<V1Pod>();
        if (pdbs.Count == 0)
        {
            nonViolating.AddRange(victims);
            return (violating, nonViolating);
        }
        var allowed = new int[pdbs.Count];
        var selectors = new LabelSelector?[pdbs.Count];
        for (var i = 0; i < pdbs.Count; i++)
        {
            allowed[i] = pdbs[i].Status?.DisruptionsAllowed ?? 0;
            selectors[i] = SelectorOf(pdbs[i]);
        }
        foreach (var pod in victims)
        {
            var violated = false;
            var labels = pod.Metadata?.Labels;
            // A pod without labels matches no budget.
            if (labels != null && labels.Count > 0)
            {
                var view = Labels.Of(labels);
                for (var i = 0; i < pdbs.Count; i++)
                {
                    if (pdbs[i].Metadata?.NamespaceProperty != pod.Metadata!.NamespaceProperty) continue;
                    if (selectors[i] is not { IsEmpty: false } selector || !selector.Matches(view)) continue;
                    if (pdbs[i].Status?.DisruptedPods?.ContainsKey(pod.Metadata.Name) == true) continue;
                    allowed[i]--;
                    if (allowed[i] < 0) violated = true;
                }
            }
            (violated ? violating : nonViolating).Add(pod);
        }
        return (violating, nonViolating);
    }

    /// <summary>The budget's selector; null (matching nothing) when absent or invalid.</summary>
    private static LabelSelector? SelectorOf(V1PodDisruptionBudget pdb)
    {
        if (pdb.Spec?.Selector == null) return null;
        try
        {
            return LabelSelector.FromV1(pdb.Spec.Selector);
        }
        catch (Exception e) when (e is SelectorParseException or ArgumentException)
        {
            return null;
        }
    }
}
