using k8s.Models;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Client.LeaderElection;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease (client-go's LeaderElector with a LeaseLock). Expiry is
/// judged on the local monotonic clock from when this candidate last saw the lease change, never from the
/// timestamps in it, so clock skew between machines cannot make two candidates lead. Writes carry the lease's
/// resourceVersion: of two candidates racing for an expired lease only one update succeeds.
/// </summary>
public sealed partial class LeaderElector
{
    private readonly ResourceClient<V1Lease> _leases;
    private readonly LeaderElectionConfig _config;
    private readonly LeaderCallbacks _callbacks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _leaseRef;
    private string? _observedResourceVersion;
    private long _observedAt;
    private V1Lease? _observed;
    private string? _reportedLeader;
    private volatile bool _isLeader;

    public LeaderElector(ResourceClient<V1Lease> leases, LeaderElectionConfig config, LeaderCallbacks callbacks,
        TimeProvider? time = null, ILogger? logger = null)
    {
        config.Validate();
        _leases = leases;
        _config = config;
        _callbacks = callbacks;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _leaseRef = config.LeaseNamespace + "/" + config.LeaseName;
    }

    /// <summary>True while this candidate holds the lease and its renewals are within the deadline.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>The holder this candidate last observed, or null before the first look.</summary>
    public string? Leader => _observed?.Spec?.HolderIdentity;

    /// <summary>
    /// Campaigns until it acquires the lease, leads (running <see cref="LeaderCallbacks.OnStartedLeading"/>) while
    /// renewals succeed, and returns when leadership is lost or <paramref name="ct"/> is cancelled. Like upstream,
    /// an elector is not reused after losing: create a new one to campaign again.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (!await AcquireAsync(ct)) return;
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Task.Run(() => _callbacks.OnStartedLeading(leading.Token), CancellationToken.None);
        try
        {
            await RenewLoopAsync(ct);
        }
        finally
        {
            _isLeader = false;
            await leading.CancelAsync();
            if (_config.ReleaseOnCancel && ct.IsCancellationRequested) await ReleaseAsync();
            _callbacks.OnStoppedLeading?.Invoke();
            try
            {
                await work;
            }
            catch (OperationCanceledException)
            {
                // The leader's work ends through its token.
            }
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(_config.RenewDeadline, ct))
            {
                LeaderElectionLog.Acquired(_logger, _config.Identity, _leaseRef);
                return true;
            }
            // client-go jitters acquire attempts by up to 1.2 × RetryPeriod so candidates do not collide.
            var jitter = TimeSpan.FromTicks((long)(_config.RetryPeriod.Ticks * 1.2 * Random.Shared.NextDouble()));
            if (!await DelayAsync(_config.RetryPeriod + jitter, ct)) return false;
        }
        return false;
    }

    /// <summary>Renews every RetryPeriod; returns when a renewal could not be made within RenewDeadline of the last success.</summary>
    private async Task RenewLoopAsync(CancellationToken ct)
    {
        var lastRenew = _observedAt;
        while (!ct.IsCancellationRequested)
        {
            if (!await DelayAsync(_config.RetryPeriod, ct)) return;
            while (true)
            {
                var left = _config.RenewDeadline - _time.GetElapsedTime(lastRenew);
                if (left <= TimeSpan.Zero)
                {
                    LeaderElectionLog.Lost(_logger, _config.Identity, _leaseRef);
                    return;
                }
                if (await TryAcquireOrRenewAsync(left, ct))
                {
                    lastRenew = _observedAt;
                    break;
                }
                if (ct.IsCancellationRequested) return;
                if (!await DelayAsync(Min(_config.RetryPeriod, left), ct)) return;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, _time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
