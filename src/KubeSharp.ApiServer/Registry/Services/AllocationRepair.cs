using System.Globalization;
using System.Net;
using k8s.Models;
using KubeSharp.Storage;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ApiServer.Registry.Services;

/// <summary>
/// upstream's cluster IP and node port repair controllers: allocations are separate store writes from the
/// Service, so a crash between them can leave an entry whose Service was never written (or a release that
/// never happened). Each round frees entries that no Service uses any more and records entries that a stored
/// Service uses but that are missing (data written before the allocator existed). An entry is only freed if it
/// was already there a whole round ago, so a create that is between its allocation and its Service write on
/// any API server is never robbed.
/// </summary>
public sealed partial class AllocationRepair : IAsyncDisposable
{
    private readonly ServiceAllocator _allocator;
    private readonly ResourceStore _services;
    private readonly IStore _store;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private long _previousRoundRevision;
    private Task? _loop;

    public AllocationRepair(ServiceAllocator allocator, ResourceStore services, IStore store, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _allocator = allocator;
        _services = services;
        _store = store;
        _interval = interval;
        _time = time;
        _logger = logger;
    }

    public void Start() => _loop = RunAsync(_stop.Token);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RepairOnceAsync(cancellationToken);
                await Task.Delay(_interval, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(_logger, e);
                await Task.Delay(_interval, _time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round; returns how many entries it freed and how many it recorded.</summary>
    public async Task<(int Freed, int Recorded)> RepairOnceAsync(CancellationToken cancellationToken)
    {
        var roundRevision = await _store.GetCurrentRevisionAsync(cancellationToken);
        var cutoff = _previousRoundRevision;
        var ips = new Dictionary<ulong, AllocationOwner>();
        var ports = new Dictionary<ulong, AllocationOwner>();
        var list = await _store.ListAsync(_services.KeyPrefix(null), new ListOptions(), cancellationToken);
        foreach (var kv in list.Items)
        {
            var service = (V1Service)_services.Decode(kv.Value, kv.ModRevision).Object;
            var spec = service.Spec ?? new V1ServiceSpec();
            var owner = new AllocationOwner(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name, service.Metadata.Uid);
            if (ServiceAllocator.NeedsClusterIp(spec))
            {
                foreach (var ip in spec.ClusterIPs ?? [])
                {
                    if (IPAddress.TryParse(ip, out var parsed) && _allocator.IpRange.OffsetOf(parsed) is { } o) ips.TryAdd(o, owner);
                }
            }
            var used = (spec.Ports ?? []).Where(p => p.NodePort is > 0).Select(p => p.NodePort!.Value).ToList();
            if (ServiceAllocator.NeedsHealthCheck(spec) && spec.HealthCheckNodePort is > 0 and var hc) used.Add(hc);
            foreach (var port in used)
            {
                if (_allocator.PortRange.Contains(port)) ports.TryAdd((ulong)(port - _allocator.PortRange.Base), owner);
            }
        }

        var freed = await RepairRangeAsync(_allocator.Ips, ips, cutoff, "clusterIP", o => _allocator.IpRange.AddressAt(o).ToString(), cancellationToken);
        freed += await RepairRangeAsync(_allocator.Ports, ports, cutoff, "nodePort",
            o => (_allocator.PortRange.Base + (int)o).ToString(CultureInfo.InvariantCulture), cancellationToken);
        var recorded = 0;
        recorded += await RecordMissingAsync(_allocator.Ips, ips, cancellationToken);
        recorded += await RecordMissingAsync(_allocator.Ports, ports, cancellationToken);
        _previousRoundRevision = roundRevision;
        return (freed, recorded);
    }

    private async Task<int> RepairRangeAsync(StoreRangeAllocator range, Dictionary<ulong, AllocationOwner> used, long cutoff, string kind,
        Func<ulong, string> show, CancellationToken cancellationToken)
    {
        var freed = 0;
        foreach (var (offset, owner, revision) in await range.ListAsync(cancellationToken))
        {
            if (used.ContainsKey(offset) || revision > cutoff) continue;
            if (await range.DeleteEntryAsync(offset, revision, cancellationToken))
            {
                freed++;
                LogFreed(_logger, kind, show(offset), owner == null ? "?" : $"{owner.Namespace}/{owner.Name}");
            }
        }
        return freed;
    }

    private static async Task<int> RecordMissingAsync(StoreRangeAllocator range, Dictionary<ulong, AllocationOwner> used, CancellationToken cancellationToken)
    {
        var present = new HashSet<ulong>((await range.ListAsync(cancellationToken)).Select(e => e.Offset));
        var recorded = 0;
        foreach (var (offset, owner) in used)
        {
            if (!present.Contains(offset) && await range.AllocateAsync(offset, owner, cancellationToken) == AllocateResult.Allocated) recorded++;
        }
        return recorded;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop != null) await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 320, Level = LogLevel.Warning, Message = "Freed leaked {Kind} {Item} (last held for {Owner})")]
    private static partial void LogFreed(ILogger logger, string kind, string item, string owner);

    [LoggerMessage(EventId = 321, Level = LogLevel.Warning, Message = "Allocation repair failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
