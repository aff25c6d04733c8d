using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Quota;
using KubeSharp.Client;
using KubeSharp.Client.Rest;

namespace KubeSharp.ControllerManager.Controllers.ResourceQuota;

/// <summary>The one sync per quota key: measure, and write status only when it changed (upstream's syncResourceQuota).</summary>
internal sealed partial class ResourceQuotaController
{
    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var quota = _quotaInformer.Lister.Get(ns, name);
        if (quota == null || ns == null) return;
        var hard = quota.Spec?.Hard ?? ResourceLists.Empty();
        var observed = await CalculateUsageAsync(quota, ns, hard, ct);

        // Names no evaluator measures keep what they had; everything ends masked to the hard set.
        var used = ResourceLists.Add(ResourceLists.Empty(), quota.Status?.Used);
        foreach (var (resource, value) in observed) used[resource] = value;
        used = ResourceLists.Mask(used, hard.Keys);
        if (ResourceLists.Equal(hard, quota.Status?.Hard) && ResourceLists.Equal(used, quota.Status?.Used)) return;

        var copy = KubeObjects.DeepCopy(quota);
        copy.Status = new V1ResourceQuotaStatus { Hard = ResourceLists.Add(ResourceLists.Empty(), hard), Used = used };
        // A conflict (admission charged the quota meanwhile) throws: the key is retried on a fresh cache.
        await _quotas.UpdateStatusAsync(copy, ct);
    }

    /// <summary>The sum over every evaluator that measures something of spec.hard (upstream's quota.CalculateUsage).</summary>
    private async Task<Dictionary<string, ResourceQuantity>> CalculateUsageAsync(V1ResourceQuota quota, string ns,
        IDictionary<string, ResourceQuantity> hard, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var usage = ResourceLists.Empty();
        foreach (var evaluator in QuotaEvaluators.All)
        {
            if (QuotaMatching.TrackedNames(evaluator, hard).Count == 0) continue;
            IEnumerable<object> objects = _listers.TryGetValue(evaluator.Resource, out var list)
                ? list(ns)
                : await _dynamic.ListAsync(evaluator.Resource, ns, ct);
            usage = ResourceLists.Add(usage, QuotaMatching.Usage(quota, hard, evaluator, objects, now));
        }
        return usage;
    }
}
