using k8s.Models;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using KubeSharp.Proxy.Iptables;
using KubeSharp.Proxy.Model;
using KubeSharp.Proxy.Nftables;
using KubeSharp.Proxy.Sync;
using KubeSharp.Proxy.Health;
using Microsoft.Extensions.Logging;
using System.Net;

namespace KubeSharp.Proxy;

/// <summary>
/// The embeddable kube-proxy (iptables or nftables mode): watches Services and EndpointSlices through the API server
/// and keeps this node's rules in step; serves /healthz, /livez, /metrics and the health-check node ports. The CLI runs it alone (<c>kubesharp proxy</c>) or inside the agent.
/// </summary>
public sealed partial class ProxyHost : IAsyncDisposable
{
    private readonly ProxyOptions _options;
    private readonly KubeClient _client;
    private readonly SharedInformerFactory _informers;
    private readonly SyncRunner _runner;
    private readonly IProxier _proxier;
    private readonly HostCommand _host;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _run = Task.CompletedTask;

    private ProxyHost(ProxyOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _logger = loggerFactory.CreateLogger("kube-proxy");
        _client = new KubeClient(ClientConfig.FromKubeconfig(options.KubeconfigPath) with { UserAgent = "kube-proxy/v1.32 (kubesharp)" });
        _informers = new SharedInformerFactory(_client, new InformerOptions { Transform = ProxyInformerTransform.Trim }, options.Time, loggerFactory);
        _runner = new SyncRunner(options.MinSyncPeriod, options.SyncPeriod, options.Time);
        _host = new HostCommand(options.CommandPrefix);
        _health = new ProxierHealth(options.Time, 2 * options.SyncPeriod, options.NodeName);
        _metrics = new ProxyMetrics(options.Time, options.Mode);
        if (!string.IsNullOrEmpty(options.HealthCheckBindAddress))
        {
            var address = IPAddress.TryParse(options.HealthCheckBindAddress, out var ip) ? ip
                : throw new ArgumentException($"invalid health-check bind address \"{options.HealthCheckBindAddress}\" (want an IP)");
            _serviceHealth = new ServiceHealthServer(address, _health, _logger);
        }
        _proxier = options.Mode == ProxyMode.Nftables
            ? new NftablesProxier(options, new NftablesClient(_host), _host, _logger)
            : new Proxier(options, new IptablesClient(_host), _host, _logger);
    }

    /// <summary>Completes after the first successful sync (rules for every service present at start).</summary>
    public Task FirstSync => _firstSync.Task;

    /// <summary>Ends when the proxy stops.</summary>
    public Task Completion => _run;

    public int SyncCount => _proxier.SyncCount;
    public TimeSpan LastSyncDuration => _proxier.LastSyncDuration;
    public string ChainPrefix => _options.ChainPrefix;

    public static async Task<ProxyHost> StartAsync(ProxyOptions options, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var host = new ProxyHost(options, loggerFactory);
        if (options.ConfigureSysctls) await host.ConfigureSysctlsAsync(ct);
        host.StartServers();
        host._informers.InformerFor<V1Service>().AddEventHandler(new ResourceEventHandler<V1Service>
        {
            Added = _ => host.ServiceChanged(),
            Updated = (_, _) => host.ServiceChanged(),
            Deleted = (_, _) => host.ServiceChanged(),
        });
        host._informers.InformerFor<V1EndpointSlice>().AddEventHandler(new ResourceEventHandler<V1EndpointSlice>
        {
            Added = host.EndpointSliceChanged,
            Updated = (_, slice) => host.EndpointSliceChanged(slice),
            Deleted = (_, _) => host.EndpointSliceChanged(null),
        });
        host._informers.Start();
        host._run = Task.Run(() => host.RunAsync(host._stop.Token), CancellationToken.None);
        return host;
    }

    /// <summary>
    /// Removes every rule and chain under the prefix, in both modes (iptables chains and the nftables table), as
    /// upstream's --cleanup does whatever the mode; no API server needed. A host without one of the tools still
    /// gets the other cleaned.
    /// </summary>
    public static async Task CleanupAsync(string chainPrefix, IReadOnlyList<string> commandPrefix, CancellationToken ct)
    {
        var host = new HostCommand(commandPrefix);
        var options = new ProxyOptions { KubeconfigPath = "", NodeName = "", ChainPrefix = chainPrefix };
        var log = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        ProxyRulesException? failure = null;
        foreach (IProxier proxier in new IProxier[] { new Proxier(options, new IptablesClient(host), host, log), new NftablesProxier(options, new NftablesClient(host), host, log) })
        {
            try
            {
                await proxier.CleanupAsync(ct);
            }
            catch (ProxyRulesException e)
            {
                failure ??= e;
            }
        }
        if (failure != null) throw failure;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await _informers.WaitForCacheSyncAsync(ct);
            _runner.Request();
            await _runner.RunAsync(async (periodic, token) =>
            {
                var model = ServiceModelBuilder.Build(
                    _informers.ListerFor<V1Service>().List(),
                    _informers.ListerFor<V1EndpointSlice>().List(),
                    _options.NodeName);
                var triggers = TakeTriggerTimes();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    await _proxier.SyncAsync(model, periodic, token);
                    Synced(watch.Elapsed, triggers);
                    if (_serviceHealth != null) await _serviceHealth.SyncAsync(model);
                    _firstSync.TrySetResult();
                }
                catch (ProxyRulesException e)
                {
                    SyncFailed(triggers);
                    LogSyncFailed(_logger, e.Message);
                    // Try again soon rather than at the next change: the rules on the host are now stale.
                    _ = RetryLaterAsync(token);
                }
            }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RetryLaterAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _options.Time, ct);
            _runner.Request();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ConfigureSysctlsAsync(CancellationToken ct)
    {
        // bridge-nf-call-iptables exists only once br_netfilter is loaded; without it, traffic between two pods on
        // one bridge bypasses the service rules (runtime-notes).
        await _host.RunAsync(["modprobe", "br_netfilter"], null, ct);
        foreach (var (key, value) in new[] { ("net.ipv4.ip_forward", "1"), ("net.bridge.bridge-nf-call-iptables", "1"), ("net.ipv4.conf.all.route_localnet", "1") })
        {
            var result = await _host.RunAsync(["sysctl", "-w", $"{key}={value}"], null, ct);
            if (result.ExitCode == 0) LogSysctl(_logger, key, value);
            else LogSysctlFailed(_logger, key, value, result.Stderr.Trim());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        await StopServersAsync();
        await _informers.DisposeAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Sync failed, retrying in 1 s: {Error}")]
    private static partial void LogSyncFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Set sysctl {Key}={Value}")]
    private static partial void LogSysctl(ILogger logger, string key, string value);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Could not set sysctl {Key}={Value}: {Error}")]
    private static partial void LogSysctlFailed(ILogger logger, string key, string value, string error);
}
