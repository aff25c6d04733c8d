using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet.Cgroups;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Nodes;
using KubeSharp.Kubelet.Pods;
using KubeSharp.Kubelet.Server;
using KubeSharp.Kubelet.Status;
using KubeSharp.Kubelet.Volumes;
using Microsoft.Extensions.Logging;


namespace KubeSharp.Kubelet;

/// <summary>
/// The embeddable kubelet: registers the Node, keeps its Lease and status, watches the pods bound to it and runs
/// them through any CRI runtime (containerd over gRPC, or the in-memory fake). It reaches the cluster only through
/// the API server, and assumes nothing about the runtime beyond the CRI calls.
/// </summary>
public sealed partial class KubeletHost : IAsyncDisposable
{
    private readonly KubeClient _client;
    private readonly EventRecorder _recorder;
    private readonly NodeManager _node;
    private readonly Eviction.NodePressure _pressure = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly List<Task> _loops = [];
    private SharedInformerFactory? _podInformers;
    private SharedInformerFactory? _clusterInformers;
    private int _disposed;

    private KubeletHost(KubeletOptions options, IRuntimeService runtime, IImageService images, ILoggerFactory loggerFactory, TimeProvider time)
    {
        Options = options;
        // Every CRI call of the kubelet goes through the counter (see RuntimeOperations).
        _instrumented = new InstrumentedRuntimeService(runtime, images);
        Runtime = _instrumented;
        Images = _instrumented;
        LoggerFactory = loggerFactory;
        Time = time;
        _logger = loggerFactory.CreateLogger("kubelet");
        var config = ClientConfig.FromKubeconfig(options.KubeconfigPath) with { UserAgent = options.UserAgent };
        _client = new KubeClient(config);
        _recorder = new EventRecorder(_client.For<Corev1Event>(), new EventRecorderOptions { Component = "kubelet", Host = options.NodeName },
            time, loggerFactory.CreateLogger("events"));
        _node = new NodeManager(_client, options, Runtime, Images, _pressure, time, loggerFactory.CreateLogger("kubelet.node"));
    }

    private readonly InstrumentedRuntimeService _instrumented;
    private PodWorkers? _workers;

    /// <summary>Pod syncs finished since start (tests wait on it).</summary>
    internal long PodSyncs => _workers?.Syncs ?? 0;

    /// <summary>CRI calls this kubelet made since it started, by operation (upstream's kubelet_runtime_operations_total).</summary>
    public IReadOnlyDictionary<string, long> RuntimeOperations => _instrumented.Operations;

    public KubeletOptions Options { get; }

    public string NodeName => Options.NodeName;

    /// <summary>The address reported as the Node's InternalIP (and pods' hostIP).</summary>
    public string NodeIP => _node.NodeIP;

    /// <summary>The Node's spec.podCIDR once known (null before the node IPAM controller assigned one).</summary>
    public string? PodCidr { get; private set; }

    internal IRuntimeService Runtime { get; }

    internal IImageService Images { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal TimeProvider Time { get; }

    /// <summary>
    /// Validates the options, registers the Node (retrying until the API server answers or <paramref name="ct"/>
    /// ends), writes the first Lease, starts the pod, service and node informers and waits for them to sync, then
    /// starts PLEG and the pod workers. Returns once the kubelet is running.
    /// </summary>
    public static async Task<KubeletHost> StartAsync(KubeletOptions options, IRuntimeService runtime, IImageService images,
        ILoggerFactory loggerFactory, TimeProvider? time = null, CancellationToken ct = default)
    {
        Validate(options);
        KubeletHost? host = null;
        KubeletServer? server = null;
        try
        {
            if (options.EnableServer)
            {
                // The server starts first: the Node must publish the port it really bound (0 picks one).
                server = await StartServerAsync(options, runtime, () => host?.RunningPods() ?? [], loggerFactory, time, ct);
                options = options with { Port = server.Port };
            }
            host = new KubeletHost(options, runtime, images, loggerFactory, time ?? TimeProvider.System) { _server = server };
            var created = host;
            if (server != null) server.RuntimeOperations = () => created.RuntimeOperations;
            await host.StartCoreAsync(ct);
            return host;
        }
        catch
        {
            if (host != null) await host.DisposeAsync();
            else if (server != null) await server.DisposeAsync();
            throw;
        }
    }

    private static void Validate(KubeletOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.NodeName)) throw new ArgumentException("NodeName is required");
        if (options.MaxParallelPodStarts < 1) throw new ArgumentException("MaxParallelPodStarts must be at least 1");
        if (options.PodWorkers < 1) throw new ArgumentException("PodWorkers must be at least 1");
        if (options.MaxPods < 1) throw new ArgumentException("MaxPods must be at least 1");
        options.ImageGc.Validate();
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        var token = linked.Token;
        Directory.CreateDirectory(Options.RootDir);
        Directory.CreateDirectory(Options.PodLogsDir);
        await RegisterWithRetryAsync(token);
        await _node.RenewLeaseAsync(token);

        var runtimeName = (await Runtime.VersionAsync(token)).RuntimeName;
        var dirs = new PodDirs(Options.RootDir, Options.PodLogsDir);
        var objects = new ApiObjectSource(_client);
        var memoryCapacity = (Options.ResourceProbe ?? new HostResourceProbe(Options.RootDir)).Read().MemoryTotalBytes;

        // The kubelet's own pods only (spec.nodeName), services of every namespace (for service env vars) and its Node.
        _podInformers = new SharedInformerFactory(_client, new InformerOptions { FieldSelector = "spec.nodeName=" + Options.NodeName },
            TimeProvider.System, LoggerFactory);
        _clusterInformers = new SharedInformerFactory(_client, new InformerOptions(), TimeProvider.System, LoggerFactory);
        var nodeInformers = new SharedInformerFactory(_client, new InformerOptions { FieldSelector = "metadata.name=" + Options.NodeName },
            TimeProvider.System, LoggerFactory);
        _nodeInformers = nodeInformers;
        var pods = _podInformers.InformerFor<V1Pod>();
        var services = _clusterInformers.InformerFor<V1Service>();
        var nodes = nodeInformers.InformerFor<V1Node>();

        var runtimePods = new RuntimePodCache();
        var recentImages = new RecentImages(Time);
        var syncer = new PodSyncer(new PodSyncerDependencies(
            Runtime, Options,
            new ImagePuller(Images, objects, _recorder, Time, recentImages),
            new VolumeManager(dirs, objects),
            dirs,
            new PodCgroups(Options, LoggerFactory.CreateLogger("kubelet.cgroups")),
            new SandboxConfigFactory(new DnsConfigurer(Options.ClusterDns, Options.ClusterDomain, Options.ResolvConf), _node.Hostname),
            new ContainerConfigFactory(dirs, memoryCapacity),
            objects,
            () => services.Lister.List(),
            () => new NodeFacts([_node.NodeIP], _node.Allocatable),
            _recorder, Time, LoggerFactory.CreateLogger("kubelet.pods"), runtimePods)) { RuntimeName = runtimeName };
        PodWorkers? workersRef = null;
        // A probe result may come with a container killed (liveness): the pod's cached runtime view goes with it.
        syncer.Probes = new Prober.ProbeManager(Runtime, _recorder, Time, uid =>
        {
            runtimePods.Invalidate(uid);
            workersRef?.Enqueue(uid);
        });
        var status = new StatusManager(_client, pods.Lister, LoggerFactory.CreateLogger("kubelet.status"));
        var workers = new PodWorkers(syncer, status, _client, pods.Lister, Options, Time, LoggerFactory.CreateLogger("kubelet.workers"),
            new Eviction.EvictionAdmission(_pressure), _recorder);
        workersRef = workers;
        _workers = workers;
        pods.AddEventHandler(workers.Handler);
        nodes.AddEventHandler(new ResourceEventHandler<V1Node> { Added = OnNode, Updated = (_, n) => OnNode(n) });

        _podInformers.Start();
        _clusterInformers.Start();
        nodeInformers.Start();
        await _podInformers.WaitForCacheSyncAsync(token);
        await _clusterInformers.WaitForCacheSyncAsync(token);
        await nodeInformers.WaitForCacheSyncAsync(token);
        RemoveOrphanPodDirs(dirs, workers);

        var stop = _stop.Token;
        var pleg = new Pleg.Pleg(Runtime, Options.PlegRelistPeriod, Time, runtimePods, workers.Enqueue, LoggerFactory.CreateLogger("kubelet.pleg"));
        AddLoop(Task.Run(() => workers.RunAsync(stop), CancellationToken.None));
        AddLoop(Task.Run(() => pleg.RunAsync(stop), CancellationToken.None));
        AddLoop(Task.Run(() => _node.RunStatusLoopAsync(stop), CancellationToken.None));
        AddLoop(Task.Run(() => _node.RunLeaseLoopAsync(stop), CancellationToken.None));
        var imageGc = new ImageGc.ImageGcManager(Runtime, new ImageRemovalNotifier(Images, recentImages), Options.ImageGc, Options.FilesystemStats ?? new ImageGc.HostFilesystemStats(), _recorder,
            new V1ObjectReference { Kind = "Node", Name = Options.NodeName, Uid = Options.NodeName }, Time, LoggerFactory.CreateLogger("kubelet.imagegc"));
        AddLoop(Task.Run(() => imageGc.RunAsync(stop), CancellationToken.None));
        var cgroups = new PodCgroups(Options, LoggerFactory.CreateLogger("kubelet.cgroups"));
        var evictionStats = Options.EvictionStats
            ?? (Options.ResourceProbe is { } probe ? new Eviction.ProbeEvictionStats(probe) : new Eviction.HostEvictionStats(Options, Runtime, Images, dirs, cgroups.ParentFor));
        Eviction = new Eviction.EvictionManager(Options.Eviction, evictionStats,
            () => pods.Lister.List().Where(p => workers.IsAdmitted(p.Metadata.Uid)).ToList(), workers,
            new Eviction.NodeReclaimer(Runtime, imageGc, LoggerFactory.CreateLogger("kubelet.eviction")), _recorder, _pressure, Time,
            LoggerFactory.CreateLogger("kubelet.eviction"));
        var eviction = Eviction;
        AddLoop(Task.Run(() => eviction.RunAsync(stop), CancellationToken.None));
        LogStarted(_logger, Options.NodeName, _node.NodeIP, runtimeName);
    }

    private SharedInformerFactory? _nodeInformers;
    private KubeletServer? _server;

    /// <summary>The eviction manager (node-pressure conditions and evictions); null before start.</summary>
    public Eviction.EvictionManager? Eviction { get; private set; }

    /// <summary>The port of the kubelet's HTTPS server (0 when it does not serve).</summary>
    public int ServerPort => _server?.Port ?? 0;

    private IReadOnlyList<V1Pod> RunningPods() => _podInformers?.ListerFor<V1Pod>().List() ?? [];

    private static async Task<KubeletServer> StartServerAsync(KubeletOptions options, IRuntimeService runtime, Func<IReadOnlyList<V1Pod>> pods,
        ILoggerFactory loggerFactory, TimeProvider? time, CancellationToken ct)
    {
        // Only clients with a certificate from the cluster CA (the API server, admins) may use it.
        var ca = ClientConfig.FromKubeconfig(options.KubeconfigPath).CaCertificates is { Count: > 0 } bundle ? bundle[0] : null;
        var names = new List<string> { "localhost", options.NodeName };
        if (options.Hostname is { Length: > 0 } hostname) names.Add(hostname);
        var addresses = new List<System.Net.IPAddress> { System.Net.IPAddress.Loopback };
        if (System.Net.IPAddress.TryParse(options.NodeIP, out var nodeIp)) addresses.Add(nodeIp);
        return await KubeletServer.StartAsync(new KubeletServerOptions
        {
            Port = options.Port,
            BindAddress = options.ServerBindAddress,
            ClientCa = ca ?? throw new ArgumentException("the kubelet's kubeconfig has no certificate authority to verify API server clients"),
            ServingNames = names.Distinct().ToList(),
            ServingAddresses = addresses,
        }, runtime, pods, loggerFactory, time, ct);
    }

    private void AddLoop(Task loop)
    {
        lock (_loops) _loops.Add(loop);
    }

    private async Task RegisterWithRetryAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await _node.RegisterAsync(ct);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or KubeApiException && !ct.IsCancellationRequested)
            {
                LogRegisterRetry(_logger, Options.NodeName, e.Message);
                // Real time on purpose: the API server coming up is not governed by an injected test clock.
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(7).Ticks));
            }
        }
    }

    /// <summary>Pod directories of uids the API does not have (left by a previous run) go at start.</summary>
    private void RemoveOrphanPodDirs(PodDirs dirs, PodWorkers workers)
    {
        if (!Directory.Exists(dirs.PodsDir)) return;
        foreach (var dir in Directory.GetDirectories(dirs.PodsDir))
        {
            // The worker decides from the informer's cache: a pod the API has is synced, any other uid cleaned up.
            workers.Enqueue(Path.GetFileName(dir));
        }
    }

    private string? _appliedPodCidr;
    private int _applyingPodCidr;

    /// <summary>
    /// A new spec.podCIDR goes to the callback (the agent's CNI config) and then to the runtime. A failure is
    /// logged and retried on the next Node event (status writes bring one at least every report period).
    /// </summary>
    private void OnNode(V1Node node)
    {
        var cidr = node.Spec?.PodCIDR;
        if (string.IsNullOrEmpty(cidr)) return;
        PodCidr = cidr;
        if (cidr == Volatile.Read(ref _appliedPodCidr) || Interlocked.Exchange(ref _applyingPodCidr, 1) == 1) return;
        var stop = _stop.Token;
        AddLoop(Task.Run(async () =>
        {
            try
            {
                if (Options.PodCidrChanged is { } callback) await callback(cidr, stop);
                await Runtime.UpdateRuntimeConfigAsync(cidr, stop);
                Volatile.Write(ref _appliedPodCidr, cidr);
                LogPodCidr(_logger, Options.NodeName, cidr);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPodCidrFailed(_logger, cidr, e.Message);
            }
            finally
            {
                Volatile.Write(ref _applyingPodCidr, 0);
            }
        }, CancellationToken.None));
    }

    /// <summary>Stops the loops (pod containers keep running: a restarted kubelet adopts them), then informers and the event writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync();
        try
        {
            Task[] loops;
            lock (_loops) loops = [.. _loops];
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        if (_podInformers != null) await _podInformers.DisposeAsync();
        if (_clusterInformers != null) await _clusterInformers.DisposeAsync();
        if (_nodeInformers != null) await _nodeInformers.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
        await _recorder.DisposeAsync();
        LogRuntimeOperations(_logger, string.Join(' ', _instrumented.Operations.Select(o => $"{o.Key}={o.Value}")));
        _client.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "Kubelet started for node {Node} ({NodeIP}), runtime {Runtime}")]
    private static partial void LogStarted(ILogger logger, string node, string nodeIP, string runtime);

    [LoggerMessage(EventId = 6602, Level = LogLevel.Warning, Message = "Registering node {Node} failed, retrying: {Error}")]
    private static partial void LogRegisterRetry(ILogger logger, string node, string error);

    [LoggerMessage(EventId = 6603, Level = LogLevel.Information, Message = "Node {Node} has pod CIDR {Cidr}; runtime config updated")]
    private static partial void LogPodCidr(ILogger logger, string node, string cidr);

    [LoggerMessage(EventId = 6605, Level = LogLevel.Information, Message = "Kubelet stopped; CRI calls since start: {Operations}")]
    private static partial void LogRuntimeOperations(ILogger logger, string operations);

    [LoggerMessage(EventId = 6604, Level = LogLevel.Warning, Message = "Applying pod CIDR {Cidr} failed: {Error}")]
    private static partial void LogPodCidrFailed(ILogger logger, string cidr, string error);
}
