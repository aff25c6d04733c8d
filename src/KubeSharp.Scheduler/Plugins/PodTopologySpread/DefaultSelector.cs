using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;
using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler.Plugins.PodTopologySpread;

/// <summary>
/// Upstream helper.DefaultSelector: what a pod without constraints spreads against — the union of the selectors of
/// the services selecting it, ANDed with the selector of its controller when that is a ReplicationController,
/// ReplicaSet or StatefulSet. Null when nothing selects the pod (then it gets no default constraints).
/// </summary>
internal static class DefaultSelector
{
    public static LabelSelector? For(V1Pod pod, IClusterObjects cluster)
    {
        var ns = pod.Metadata.NamespaceProperty ?? "default";
        var podLabels = Labels.Of(pod);
        var matchLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in cluster.Services(ns))
        {
            var selector = service.Spec?.Selector;
            if (selector == null || selector.Count == 0) continue;
            if (!selector.All(kv => podLabels.TryGetValue(kv.Key, out var v) && v == kv.Value)) continue;
            foreach (var (k, v) in selector) matchLabels[k] = v;
        }
        var expressions = new List<V1LabelSelectorRequirement>();
        var owner = pod.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
        if (owner != null)
        {
            switch ((owner.ApiVersion, owner.Kind))
            {
                case ("v1", "ReplicationController"):
                    foreach (var (k, v) in cluster.ReplicationController(ns, owner.Name)?.Spec?.Selector ?? new Dictionary<string, string>()) matchLabels[k] = v;
                    break;
                case ("apps/v1", "ReplicaSet"):
                    Add(cluster.ReplicaSet(ns, owner.Name)?.Spec?.Selector, matchLabels, expressions);
                    break;
                case ("apps/v1", "StatefulSet"):
                    Add(cluster.StatefulSet(ns, owner.Name)?.Spec?.Selector, matchLabels, expressions);
                    break;
            }
        }
        if (matchLabels.Count == 0 && expressions.Count == 0) return null;
        try
        {
            return LabelSelector.FromV1(new V1LabelSelector { MatchLabels = matchLabels, MatchExpressions = expressions });
        }
        catch (SelectorParseException)
        {
            return null;
        }
    }

    private static void Add(V1LabelSelector? selector, Dictionary<string, string> matchLabels, List<V1LabelSelectorRequirement> expressions)
    {
        if (selector == null) return;
        foreach (var (k, v) in selector.MatchLabels ?? new Dictionary<string, string>()) matchLabels[k] = v;
        expressions.AddRange(selector.MatchExpressions ?? []);
    }
}
