using k8s.Models;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Nodes;

internal sealed partial class NodeManager
{
    private V1Lease? _lease;

    /// <summary>
    /// Renews kube-node-lease/&lt;node&gt; every quarter of the lease duration (upstream: 40 s lease, 10 s renew),
    /// the node controller's heartbeat. The Lease is owned by the Node, so it goes when the Node is deleted.
    /// </summary>
    public async Task RunLeaseLoopAsync(CancellationToken ct)
    {
        var interval = _options.NodeLeaseDuration / 4;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RenewLeaseAsync(ct);
            }
            catch (Exception e) when (e is KubeApiException or HttpRequestException)
            {
                _lease = null;
                LogLeaseFailed(_logger, _options.NodeName, e.Message);
            }
            await Task.Delay(interval, _time, ct);
        }
    }

    internal async Task RenewLeaseAsync(CancellationToken ct)
    {
        var leases = _client.For<V1Lease>();
        var now = _time.GetUtcNow().UtcDateTime;
        if (_lease != null)
        {
            var renewed = KubeSharp.Client.KubeObjects.DeepCopy(_lease);
            renewed.Spec.RenewTime = now;
            try
            {
                _lease = await leases.UpdateAsync(renewed, ct);
                return;
            }
            catch (KubeApiException e) when (ApiErrors.IsConflict(e) || ApiErrors.IsNotFound(e))
            {
                _lease = null;
            }
        }
        V1Lease? existing = null;
        try
        {
            existing = await leases.GetAsync("kube-node-lease", _options.NodeName, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsNotFound(e))
        {
        }
        var spec = new V1LeaseSpec
        {
            HolderIdentity = _options.NodeName,
            LeaseDurationSeconds = (int)_options.NodeLeaseDuration.TotalSeconds,
            RenewTime = now,
        };
        if (existing == null)
        {
            _lease = await leases.CreateAsync(new V1Lease
            {
                ApiVersion = "coordination.k8s.io/v1",
                Kind = "Lease",
                Metadata = new V1ObjectMeta
                {
                    Name = _options.NodeName,
                    NamespaceProperty = "kube-node-lease",
                    OwnerReferences = NodeUid == null ? null :
                        [new V1OwnerReference { ApiVersion = "v1", Kind = "Node", Name = _options.NodeName, Uid = NodeUid }],
                },
                Spec = spec,
            }, ct);
        }
        else
        {
            existing.Spec = spec;
            _lease = await leases.UpdateAsync(existing, ct);
        }
    }

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Renewing the lease of node {Node} failed: {Error}")]
    private static partial void LogLeaseFailed(ILogger logger, string node, string error);
}
