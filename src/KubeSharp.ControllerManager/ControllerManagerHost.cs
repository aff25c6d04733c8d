using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.LeaderElection;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager;

/// <summary>
/// The embeddable kube-controller-manager: connects to the API server from a kubeconfig, optionally campaigns for
/// the kube-system/kube-controller-manager Lease, and runs the selected controllers while leading. The CLI and
/// tests host it in-process; it still reaches the cluster only over HTTPS.
/// </summary>
public sealed partial class ControllerManagerHost : IAsyncDisposable
{
    private readonly KubeClient _client;
    private readonly EventRecorder _recorder;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;
    private int _disposed;

    private ControllerManagerHost(ControllerManagerOptions options, IReadOnlyList<string> controllers, ILoggerFactory loggerFactory)
    {
        Options = options;
        Controllers = controllers;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("controller-manager");
        var config = ClientConfig.FromKubeconfig(options.KubeconfigPath) with { UserAgent = "kube-controller-manager/v1.32 (kubesharp)" };
        _client = new KubeClient(config);
        Identity = options.Identity ?? $"{Environment.MachineName}_{Guid.NewGuid()}";
        _recorder = new EventRecorder(_client.For<Corev1Event>(), new EventRecorderOptions { Component = "kube-controller-manager" },
            options.Time, loggerFactory.CreateLogger("events"));
    }

    public ControllerManagerOptions Options { get; }

    /// <summary>The controllers this host runs (resolved from <see cref="ControllerManagerOptions.Controllers"/>).</summary>
    public IReadOnlyList<string> Controllers { get; }

    /// <summary>This instance's identity in the Lease.</summary>
    public string Identity { get; }

    /// <summary>True while the controllers run (always, once started, without leader election).</summary>
    public bool IsLeading { get; private set; }

    /// <summary>Completes when the host stops running controllers, e.g. after losing the Lease (upstream exits then).</summary>
    public Task Completion => _run;

    /// <summary>
    /// The shared informers of the current leadership term (null before the controllers start). Tests use it as a
    /// barrier: "the controllers can see object X now", since an informer's cache always lags the API a little.
    /// </summary>
    internal SharedInformerFactory? Informers { get; private set; }

    /// <summary>Validates the options, then starts campaigning (or running controllers) in the background.</summary>
    public static Task<ControllerManagerHost> StartAsync(ControllerManagerOptions options, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (options.WorkersPerController < 1) throw new ArgumentException("WorkersPerController must be at least 1");
        var controllers = ControllerRegistry.Resolve(options.Controllers);
        // Bad CIDR flags fail the start, not the first leadership term.
        if (controllers.Contains(ControllerNames.NodeIpam) && options.AllocateNodeCidrs)
        {
            _ = new Controllers.NodeIpam.CidrSet(options.ClusterCidr, options.NodeCidrMaskSize);
        }
        if (options.NodeMonitorPeriod <= TimeSpan.Zero || options.NodeMonitorGracePeriod <= TimeSpan.Zero || options.NodeStartupGracePeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("node monitor period and grace periods must be positive");
        }
        if (options.NodeEvictionRate < 0 || options.SecondaryNodeEvictionRate < 0) throw new ArgumentException("node eviction rates must not be negative");
        if (options.UnhealthyZoneThreshold is <= 0 or > 1) throw new ArgumentException("unhealthy zone threshold must be in (0, 1]");
        var host = new ControllerManagerHost(options, controllers, loggerFactory);
        host._run = Task.Run(() => host.RunAsync(host._stop.Token), CancellationToken.None);
        return Task.FromResult(host);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        if (!Options.LeaderElect)
        {
            await RunControllersAsync(ct);
            return;
        }
        var elector = new LeaderElector(_client.For<V1Lease>(), new LeaderElectionConfig
        {
            LeaseNamespace = Options.LeaseNamespace,
            LeaseName = Options.LeaseName,
            Identity = Identity,
            ReleaseOnCancel = true,
        }, new LeaderCallbacks
        {
            OnStartedLeading = RunControllersAsync,
            OnStoppedLeading = () => LogStoppedLeading(_logger, Identity),
        }, Options.Time, _loggerFactory.CreateLogger("leader-election"));
        await elector.RunAsync(ct);
    }

    /// <summary>
    /// Builds the controllers (registering their handlers), starts the shared informers and runs every controller's
    /// workers until <paramref name="ct"/> ends; informers are stopped after the workers, so no sync reads a dead cache.
    /// </summary>
    private async Task RunControllersAsync(CancellationToken ct)
    {
        IsLeading = true;
        await using var informers = new SharedInformerFactory(_client, new InformerOptions(), Options.Time, _loggerFactory);
        Informers = informers;
        var context = new ControllerContext(_client, informers, _recorder, Options.Time, _loggerFactory) { Options = Options };
        var controllers = Controllers.Select(n => ControllerRegistry.Create(n, context)).ToList();
        informers.Start();
        LogStarted(_logger, string.Join(",", Controllers), Identity);
        try
        {
            await Task.WhenAll(controllers.Select(c => c.RunAsync(Options.WorkersPerController, ct)));
        }
        finally
        {
            IsLeading = false;
            Informers = null;
        }
    }

    /// <summary>Stops in order: controllers (workers drain), informers, lease release, event writer, connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        await _recorder.DisposeAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Controllers started: {Controllers} (identity {Identity})")]
    private static partial void LogStarted(ILogger logger, string controllers, string identity);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Leadership lost by {Identity}; controllers stopped")]
    private static partial void LogStoppedLeading(ILogger logger, string identity);
}
