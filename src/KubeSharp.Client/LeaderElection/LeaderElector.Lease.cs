using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.LeaderElection;

public sealed partial class LeaderElector
{
    /// <summary>One attempt to create, take over or renew the lease, bounded by <paramref name="timeout"/>.</summary>
    private async Task<bool> TryAcquireOrRenewAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        // Taken before the request: the lease then counts from no later than what others can observe.
        var started = _time.GetTimestamp();
        var now = _time.GetUtcNow().UtcDateTime;
        try
        {
            V1Lease lease;
            try
            {
                lease = await _leases.GetAsync(_config.LeaseNamespace, _config.LeaseName, cts.Token);
            }
            catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
            {
                var created = await _leases.CreateAsync(NewLease(now), cts.Token);
                Observe(created, started);
                _isLeader = true;
                return true;
            }

            Observe(lease, _time.GetTimestamp());
            var spec = lease.Spec ?? new V1LeaseSpec();
            var holder = spec.HolderIdentity;
            var held = !string.IsNullOrEmpty(holder) && holder != _config.Identity;
            var duration = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? (int)_config.LeaseDuration.TotalSeconds);
            if (held && _time.GetElapsedTime(_observedAt) < duration) return false;

            var mine = holder == _config.Identity;
            lease.Spec = new V1LeaseSpec
            {
                HolderIdentity = _config.Identity,
                LeaseDurationSeconds = (int)Math.Ceiling(_config.LeaseDuration.TotalSeconds),
                AcquireTime = mine ? spec.AcquireTime ?? now : now,
                RenewTime = now,
                LeaseTransitions = mine ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + 1,
            };
            // The update carries the resourceVersion we read: a concurrent writer makes it fail with Conflict.
            var updated = await _leases.UpdateAsync(lease, cts.Token);
            Observe(updated, started);
            _isLeader = true;
            return true;
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or OperationCanceledException or IOException)
        {
            // Any failure is "not leading this round"; the callers decide from ct and the deadline what follows.
            LeaderElectionLog.AttemptFailed(_logger, e, _config.Identity, _leaseRef);
            return false;
        }
    }

    private V1Lease NewLease(DateTime now) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = _config.LeaseName, NamespaceProperty = _config.LeaseNamespace },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = _config.Identity,
            LeaseDurationSeconds = (int)Math.Ceiling(_config.LeaseDuration.TotalSeconds),
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = 0,
        },
    };

    /// <summary>Records the lease as seen; the expiry clock restarts only when the lease actually changed.</summary>
    private void Observe(V1Lease lease, long timestamp)
    {
        var rv = lease.Metadata?.ResourceVersion;
        if (rv != _observedResourceVersion)
        {
            _observedResourceVersion = rv;
            _observedAt = timestamp;
        }
        _observed = lease;
        var holder = lease.Spec?.HolderIdentity ?? "";
        if (holder.Length > 0 && holder != _reportedLeader)
        {
            _reportedLeader = holder;
            LeaderElectionLog.NewLeader(_logger, _leaseRef, holder);
            _callbacks.OnNewLeader?.Invoke(holder);
        }
    }

    /// <summary>Gives the lease up (empty holder, 1 s duration) so a successor can take it at once.</summary>
    private async Task ReleaseAsync()
    {
        if (_observed?.Spec?.HolderIdentity != _config.Identity) return;
        using var cts = new CancellationTokenSource(_config.RenewDeadline);
        try
        {
            var lease = _observed;
            lease.Spec = new V1LeaseSpec
            {
                HolderIdentity = "",
                LeaseDurationSeconds = 1,
                AcquireTime = lease.Spec.AcquireTime,
                RenewTime = _time.GetUtcNow().UtcDateTime,
                LeaseTransitions = lease.Spec.LeaseTransitions,
            };
            Observe(await _leases.UpdateAsync(lease, cts.Token), _time.GetTimestamp());
            LeaderElectionLog.Released(_logger, _config.Identity, _leaseRef);
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or OperationCanceledException or IOException)
        {
            LeaderElectionLog.AttemptFailed(_logger, e, _config.Identity, _leaseRef);
        }
    }
}
