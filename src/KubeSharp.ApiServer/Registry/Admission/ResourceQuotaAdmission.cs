using k8s.Models;
using KubeSharp.ApiMachinery.Quota;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Http;
using KubeSharp.Storage;

namespace KubeSharp.ApiServer.Registry.Admission;

/// <summary>
/// Upstream's ResourceQuota admission plugin, the last validating step. A create (or an update that can grow
/// usage: a service changing type, a claim growing) is measured by its resource's <see cref="IQuotaEvaluator"/>;
/// every quota of the namespace whose status.hard limits what it uses and whose scopes cover it must stay within
/// hard, else 403 "exceeded quota". The usage is charged to each quota's status.used with a compare-and-swap write
/// on the ResourceQuota before the object is stored, so concurrent creates can never pass hard together: a lost
/// race re-reads the quotas and decides again. The resourcequota controller later recalculates status.used from
/// what is stored, which also returns charges of writes that failed after admission.
/// </summary>
public sealed class ResourceQuotaAdmission(NamespacedLookup lookup, IStore store, TimeProvider time) : IValidatingAdmissionPlugin
{
    private const int MaxAttempts = 64;
    private static readonly ResourceInfo Quotas = ResourceTable.Find("", "resourcequotas")!;

    public async Task<Func<CancellationToken, Task>?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var evaluator = QuotaEvaluators.For(request.Resource);
        if (evaluator == null || (!request.IsCreate && !evaluator.HandlesUpdates)) return null;
        var ns = request.Object.Metadata?.NamespaceProperty;
        if (string.IsNullOrEmpty(ns)) return null;
        var name = request.Object.Metadata!.Name;
        // Most namespaces have no quota: decide that from the (fresh) cache, not with a store list per create.
        if (!await lookup.AnyAsync(Quotas, ns, cancellationToken)) return null;

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var quotas = await lookup.ListLatestAsync<V1ResourceQuota>(Quotas, ns, cancellationToken);
            if (quotas.Count == 0) return null;
            var charges = Evaluate(request, evaluator, quotas.OrderBy(q => q.Object.Metadata.Name, StringComparer.Ordinal), name);
            if (charges == null || request.DryRun) return null;

            var charged = new List<Charge>();
            var lost = false;
            foreach (var charge in charges)
            {
                charge.Quota.Status.Used = charge.NewUsed;
                var result = await store.UpdateAsync(charge.Key, KubeJson.Serialize(charge.Quota, typeof(V1ResourceQuota)), charge.Revision, cancellationToken);
                if (result.Status != WriteStatus.Ok)
                {
                    lost = true;
                    break;
                }
                charged.Add(charge);
            }
            if (!lost) return ct => RefundAsync(charged, ct);
            // Someone else changed a quota in between: give back what this attempt took and decide again.
            await RefundAsync(charged, cancellationToken);
        }
        throw Errors.Timeout($"the server was unable to update quota usage in namespace {ns} for {request.Resource.QualifiedResource} \"{name}\": too many concurrent writes");
    }

    /// <summary>Checks the object against every matching quota; returns what to charge (null: nothing).</summary>
    private List<Charge>? Evaluate(AdmissionRequest request, IQuotaEvaluator evaluator,
        IEnumerable<(V1ResourceQuota Object, long Revision, string Key)> quotas, string name)
    {
        var obj = request.Object;
        var interesting = new List<(V1ResourceQuota Quota, long Revision, string Key)>();
        foreach (var (quota, revision, key) in quotas)
        {
            // Only what the controller has acknowledged in status.hard is enforced, as upstream.
            var hard = quota.Status?.Hard;
            if (!QuotaMatching.Matches(quota, hard, evaluator, obj)) continue;
            var tracked = QuotaMatching.TrackedNames(evaluator, hard);
            if (evaluator.Constraints(tracked, obj) is { } constraint)
            {
                throw Errors.Forbidden(request.Resource, name, $"failed quota: {quota.Metadata.Name}: {constraint}");
            }
            var unknown = tracked.Where(n => quota.Status?.Used?.ContainsKey(n) != true).ToList();
            if (unknown.Count > 0)
            {
                throw Errors.Forbidden(request.Resource, name, $"status unknown for quota: {quota.Metadata.Name}, resources: {string.Join(",", unknown)}");
            }
            interesting.Add((quota, revision, key));
        }
        if (interesting.Count == 0) return null;

        var now = time.GetUtcNow();
        var delta = evaluator.Usage(obj, now);
        var negative = ResourceLists.Negative(delta);
        if (negative.Count > 0)
        {
            throw Errors.Forbidden(request.Resource, name, $"quota usage is negative for resource(s): {string.Join(",", negative)}");
        }
        if (request.OldObject != null) delta = ResourceLists.SubtractNonNegative(delta, evaluator.Usage(request.OldObject, now));
        delta = ResourceLists.RemoveZeros(delta);
        if (delta.Count == 0) return null;

        var charges = new List<Charge>();
        foreach (var (quota, revision, key) in interesting)
        {
            var hard = quota.Status!.Hard!;
            var used = quota.Status.Used;
            var requested = ResourceLists.Mask(delta, hard.Keys);
            if (requested.Count == 0) continue;
            var newUsed = ResourceLists.Add(used, requested);
            var exceeded = ResourceLists.Exceeding(ResourceLists.Mask(newUsed, requested.Keys), hard);
            if (exceeded.Count > 0)
            {
                throw Errors.Forbidden(request.Resource, name,
                    $"exceeded quota: {quota.Metadata.Name}, requested: {ResourceLists.PrettyPrint(ResourceLists.Mask(requested, exceeded))}, " +
                    $"used: {ResourceLists.PrettyPrint(ResourceLists.Mask(used, exceeded))}, limited: {ResourceLists.PrettyPrint(ResourceLists.Mask(hard, exceeded))}");
            }
            charges.Add(new Charge(quota, revision, key, newUsed, requested));
        }
        return charges;
    }

    /// <summary>Takes the charges back (the object was not stored after all), each with its own compare-and-swap loop.</summary>
    private async Task RefundAsync(List<Charge> charged, CancellationToken cancellationToken)
    {
        foreach (var charge in charged)
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var kv = await store.GetAsync(charge.Key, 0, cancellationToken);
                if (kv == null) break;
                var quota = KubeJson.Deserialize<V1ResourceQuota>(kv.Value);
                var used = quota.Status?.Used;
                if (used == null) break;
                foreach (var (resource, amount) in charge.Requested)
                {
                    if (!used.TryGetValue(resource, out var have)) continue;
                    var left = ResourceLists.ValueOf(have) - ResourceLists.ValueOf(amount);
                    used[resource] = ResourceLists.Quantity(Math.Max(0, left), have.Format);
                }
                var result = await store.UpdateAsync(charge.Key, KubeJson.Serialize(quota, typeof(V1ResourceQuota)), kv.ModRevision, cancellationToken);
                if (result.Status != WriteStatus.Conflict) break;
            }
        }
    }

    private sealed record Charge(V1ResourceQuota Quota, long Revision, string Key,
        Dictionary<string, ResourceQuantity> NewUsed, Dictionary<string, ResourceQuantity> Requested);
}
