using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.LeaderElection;
using KubeSharp.Client.Rest;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Plugins;
using KubeSharp.Scheduler.Queue;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Scheduler;

/// <summary>
/// An embeddable kube-scheduler: informers on pods and nodes, the queue, the cache and the default profile,
/// reaching the cluster only through the API server. Start order: informers synced, then (with leader election)
/// the Lease held, then the scheduling loop; <see cref="DisposeAsync"/> stops in reverse.
/// </summary>
public sealed class SchedulerHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly KubeClient _client;
    private readonly SharedInformerFactory _informers;
    private readonly List<EventRecorder> _recorders = [];
    private Task _run = Task.CompletedTask;
    private Task _flush = Task.CompletedTask;
    private SchedulingQueue? _queue;

    private SchedulerHost(SchedulerOptions options, KubeClient client, SharedInformerFactory informers)
    {
        Options = options;
        _client = client;
        _informers = informers;
    }

    public SchedulerOptions Options { get; }

    /// <summary>Pending pods held back by a PreEnqueue plugin (scheduling gates), for diagnostics and tests.</summary>
    public int GatedCount => _queue?.GatedCount ?? 0;

    /// <summary>Completes when the scheduling loop ends (on dispose, or when leadership is lost).</summary>
    public Task Completion => _run;

    public static async Task<SchedulerHost> StartAsync(SchedulerOptions options, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var logger = loggerFactory.CreateLogger("KubeSharp.Scheduler");
        var config = ClientConfig.FromKubeconfig(options.KubeconfigPath) with { UserAgent = "kubesharp-scheduler/v1.32" };
        var client = new KubeClient(config);
        // Managed fields are never read here and are a large share of each cached pod (upstream strips them too).
        var informers = new SharedInformerFactory(client, new InformerOptions { Transform = InformerTransforms.StripManagedFields }, options.Time, loggerFactory);
        var host = new SchedulerHost(options, client, informers);
        try
        {
            var cache = new SchedulerCache();
            var podInformer = informers.InformerFor<V1Pod>();
            var nodeInformer = informers.InformerFor<V1Node>();
            var cluster = new InformerClusterObjects(informers);
            var profiles = new List<SchedulerProfile>();
            var registry = DefaultPlugins.Registry();
            foreach (var profile in options.Profiles ?? [DefaultPlugins.Profile(options.SchedulerName)])
            {
                // Each profile's events name its scheduler as their source, as upstream's per-profile recorders do.
                var recorder = new EventRecorder(client.For<Corev1Event>(), new EventRecorderOptions { Component = profile.SchedulerName },
                    options.Time, loggerFactory.CreateLogger("KubeSharp.Scheduler.Events"));
                host._recorders.Add(recorder);
                var handle = new PluginHandle(new ApiPodBinder(client), options.Time, new ApiPodPreemptor(client.For<V1Pod>(), recorder)) { Cluster = cluster };
                profiles.Add(new SchedulerProfile(new SchedulingFramework(profile, registry, handle), recorder));
            }
            var names = profiles.Select(p => p.Framework.Profile.SchedulerName).ToHashSet(StringComparer.Ordinal);
            var queue = new SchedulingQueue(options.Time, options.PodInitialBackoff, options.PodMaxBackoff, PreEnqueueOf(profiles));
            host._queue = queue;
            // Nodes first, so pods bound to known nodes mostly land on them rather than in placeholders.
            nodeInformer.AddEventHandler(new NodeEventHandler(cache, queue));
            podInformer.AddEventHandler(new PodEventHandler(names, cache, queue));
            var lister = podInformer.Lister;
            var scheduler = new Scheduler(profiles, cache, queue, p => lister.Get(p.Metadata.NamespaceProperty, p.Metadata.Name),
                new ApiPodConditionWriter(client.For<V1Pod>(), options.Time), logger, options.Parallelism, options.RandomSeed,
                options.PercentageOfNodesToScore);
            informers.Start();
            if (!await informers.WaitForCacheSyncAsync(ct)) throw new OperationCanceledException(ct);
            var stop = host._stop.Token;
            host._flush = FlushQueuesAsync(queue, options, stop);
            host._run = options.LeaderElect ? LeadAsync(options, client, scheduler, logger, stop) : scheduler.RunAsync(stop);
            SchedulerLog.Started(logger, string.Join(",", names), options.LeaderElect);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_run, _flush);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        await _informers.DisposeAsync();
        foreach (var recorder in _recorders) await recorder.DisposeAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private static Task LeadAsync(SchedulerOptions options, KubeClient client, Scheduler scheduler, ILogger logger, CancellationToken ct)
    {
        var identity = options.Identity ?? $"{Environment.MachineName}_{Guid.NewGuid()}";
        var elector = new LeaderElector(client.For<V1Lease>(),
            new LeaderElectionConfig { LeaseNamespace = options.LeaseNamespace, LeaseName = options.LeaseName, Identity = identity, ReleaseOnCancel = true },
            new LeaderCallbacks { OnStartedLeading = scheduler.RunAsync }, options.Time, logger);
        return elector.RunAsync(ct);
    }

    /// <summary>The PreEnqueue check of the profile a pod names (a pod of no profile here never reaches the queue).</summary>
    private static Func<V1Pod, Status> PreEnqueueOf(IReadOnlyList<SchedulerProfile> profiles)
    {
        var byName = profiles.ToDictionary(p => p.Framework.Profile.SchedulerName, p => p.Framework, StringComparer.Ordinal);
        return pod => byName.TryGetValue(string.IsNullOrEmpty(pod.Spec?.SchedulerName) ? "default-scheduler" : pod.Spec.SchedulerName, out var f)
            ? f.RunPreEnqueue(pod)
            : Status.Success;
    }

    /// <summary>Upstream flushes completed back-offs every second and leftover unschedulable pods every 30 s.</summary>
    private static async Task FlushQueuesAsync(SchedulingQueue queue, SchedulerOptions options, CancellationToken ct)
    {
        try
        {
            for (var tick = 1; ; tick++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), options.Time, ct);
                queue.FlushBackoffCompleted();
                if (tick % 30 == 0) queue.FlushUnschedulableLeftover(options.PodMaxInUnschedulable);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }
}
