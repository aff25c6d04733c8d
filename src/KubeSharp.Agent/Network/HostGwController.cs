using k8s.Models;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent.Network;

/// <summary>
/// Keeps this node's host-gw routes in step with the Node list: a reconcile loop woken by any Node change (a node
/// joins, gets its pod CIDR, changes address or leaves) and every <see cref="ResyncPeriod"/>, so a route removed by
/// hand comes back.
/// </summary>
public sealed partial class HostGwController : IAsyncDisposable
{
    public static readonly TimeSpan ResyncPeriod = TimeSpan.FromMinutes(1);

    private readonly HostGwRoutes _routes;
    private readonly string _nodeName;
    private readonly SharedInformerFactory _informers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private IReadOnlyList<(PodRoute Route, string Error)> _lastFailures = [];
    private int _syncs;

    private HostGwController(HostGwRoutes routes, string nodeName, KubeClient client, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _routes = routes;
        _nodeName = nodeName;
        _time = time;
        _logger = loggerFactory.CreateLogger("host-gw");
        _informers = new SharedInformerFactory(client, new InformerOptions(), time, loggerFactory);
    }

    /// <summary>Completed syncs (tests wait on it).</summary>
    public int Syncs => Volatile.Read(ref _syncs);

    public static HostGwController Start(HostGwRoutes routes, string nodeName, string kubeconfigPath, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        var client = new KubeClient(ClientConfig.FromKubeconfig(kubeconfigPath) with { UserAgent = "kubesharp-agent/host-gw" });
        var controller = new HostGwController(routes, nodeName, client, loggerFactory, time ?? TimeProvider.System);
        controller._informers.InformerFor<V1Node>().AddEventHandler(new ResourceEventHandler<V1Node>
        {
            Added = _ => controller.Wake(),
            Updated = (_, _) => controller.Wake(),
            Deleted = (_, _) => controller.Wake(),
        });
        controller._informers.Start();
        controller._loop = Task.Run(() => controller.RunAsync(controller._stop.Token), CancellationToken.None);
        return controller;
    }

    private void Wake()
    {
        // One pending wake-up is enough: the sync reads the whole Node list.
        try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await _informers.WaitForCacheSyncAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await SyncOnceAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSyncFailed(_logger, e);
                }
                await WaitForWakeOrResyncAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task WaitForWakeOrResyncAsync(CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(_wake.WaitAsync(cts.Token), Task.Delay(ResyncPeriod, _time, cts.Token));
        ct.ThrowIfCancellationRequested();
        // The loser is cancelled; a cancelled semaphore wait does not consume a wake-up.
        await cts.CancelAsync();
    }

    private async Task SyncOnceAsync(CancellationToken ct)
    {
        var desired = HostGwRoutes.Desired(_informers.ListerFor<V1Node>().List(), _nodeName);
        var failures = await _routes.SyncAsync(desired, ct);
        // Log a failing route once per change of the failure set, not at every resync.
        if (!failures.SequenceEqual(_lastFailures))
        {
            foreach (var (route, error) in failures) LogRouteFailed(_logger, route.Cidr, route.Via, error);
            _lastFailures = failures;
        }
        Interlocked.Increment(ref _syncs);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _informers.DisposeAsync();
        _stop.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "host-gw: cannot route pod CIDR {Cidr} via {Via}: {Error}")]
    private static partial void LogRouteFailed(ILogger logger, string cidr, string via, string error);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "host-gw: route sync failed")]
    private static partial void LogSyncFailed(ILogger logger, Exception e);
}
