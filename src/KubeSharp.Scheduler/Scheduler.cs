using System.Collections.Concurrent;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Scheduler.Cache;
using KubeSharp.Scheduler.Framework;
using KubeSharp.Scheduler.Queue;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Scheduler;

/// <summary>
/// The scheduling loop (upstream scheduleOne): one pod at a time takes a snapshot, filters and scores nodes,
/// assumes the pod on the chosen node in the cache, and hands the binding to a background task so the next pod
/// can be scheduled while the API call is in flight.
/// </summary>
internal sealed partial class Scheduler
{
    private readonly Dictionary<string, SchedulerProfile> _profiles = new(StringComparer.Ordinal);
    private readonly SchedulerCache _cache;
    private readonly SchedulingQueue _queue;
    private readonly Func<V1Pod, V1Pod?> _currentPod;
    private readonly IPodConditionWriter _conditions;
    private readonly ILogger _logger;
    private readonly int _parallelism;
    private readonly Random _random;
    private readonly int? _percentageOfNodesToScore;
    private readonly ConcurrentDictionary<Task, byte> _bindings = new();

    // Only the scheduling loop touches these (one pod at a time), so they need no lock.
    private int _nextStartNodeIndex;
    private Status?[] _statuses = [];

    /// <param name="currentPod">The informer's current copy of a pod (null when deleted), to drop stale queue entries.</param>
    public Scheduler(SchedulingFramework framework, SchedulerCache cache, SchedulingQueue queue, Func<V1Pod, V1Pod?> currentPod,
        IEventRecorder recorder, IPodConditionWriter conditions, ILogger logger, int parallelism, int? seed)
        : this([new SchedulerProfile(framework, recorder)], cache, queue, currentPod, conditions, logger, parallelism, seed, null)
    {
    }

    /// <param name="profiles">One per scheduler name this process serves; a pod uses the profile of its spec.schedulerName.</param>
    /// <param name="percentageOfNodesToScore">The global setting; a profile's own wins; 0 or null is upstream's adaptive default.</param>
    public Scheduler(IReadOnlyList<SchedulerProfile> profiles, SchedulerCache cache, SchedulingQueue queue, Func<V1Pod, V1Pod?> currentPod,
        IPodConditionWriter conditions, ILogger logger, int parallelism, int? seed, int? percentageOfNodesToScore)
    {
        foreach (var p in profiles) _profiles[p.Framework.Profile.SchedulerName] = p;
        _cache = cache;
        _queue = queue;
        _currentPod = currentPod;
        _conditions = conditions;
        _logger = logger;
        _parallelism = Math.Max(1, parallelism);
        _random = seed is { } s ? new Random(s) : new Random();
        _percentageOfNodesToScore = percentageOfNodesToScore;
    }

    /// <summary>The profile named by the pod's spec.schedulerName (empty means default-scheduler, as the API server defaults it).</summary>
    private SchedulerProfile? ProfileFor(V1Pod pod) =>
        _profiles.GetValueOrDefault(string.IsNullOrEmpty(pod.Spec?.SchedulerName) ? "default-scheduler" : pod.Spec.SchedulerName);

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var info = await _queue.PopAsync(ct);
                try
                {
                    await ScheduleOneAsync(info, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug in one attempt must not stop scheduling: retry the pod later.
                    SchedulerLog.LoopFailed(_logger, e, info.Key);
                    info.UnschedulablePlugins.Clear();
                    _queue.AddUnschedulable(info, _queue.SchedulingCycle);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown.
        }
        await Task.WhenAll(_bindings.Keys);
    }

    internal async Task ScheduleOneAsync(QueuedPodInfo info, CancellationToken ct)
    {
        var cycle = _queue.SchedulingCycle;
        var pod = _currentPod(info.Pod);
        if (pod == null || pod.Metadata.Uid != info.Pod.Metadata.Uid || !string.IsNullOrEmpty(pod.Spec?.NodeName)
            || pod.Metadata.DeletionTimestamp != null)
        {
            _queue.Done(info.Key);
            return;
        }
        info.Pod = pod;
        if (ProfileFor(pod) is not { } profile)
        {
            _queue.Done(info.Key);
            return;
        }
        var result = await ScheduleAsync(pod, ct);
        if (!result.Succeeded)
        {
            await HandleFailureAsync(info, cycle, result, ct);
            return;
        }
        var node = result.NodeName!;
        // Assume: the cache counts the pod on its node now, so the next pod sees the reduced capacity.
        // Only spec.nodeName differs from the informer's (shared) pod, so the copy owns just the pod and its spec.
        var assumed = KubeObjects.ShallowCopy(pod);
        assumed.Spec = KubeObjects.ShallowCopy(pod.Spec!);
        assumed.Spec.NodeName = node;
        _cache.AssumePod(assumed, node);
        var reserve = profile.Framework.RunReserve(result.State, assumed, node);
        if (!reserve.IsSuccess)
        {
            _cache.ForgetPod(assumed);
            await HandleFailureAsync(info, cycle, result with { NodeName = null, Error = reserve }, ct);
            return;
        }
        var binding = BindAsync(profile, info, assumed, node, cycle, result.State, ct);
        _bindings.TryAdd(binding, 0);
        _ = binding.ContinueWith(t => _bindings.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task BindAsync(SchedulerProfile profile, QueuedPodInfo info, V1Pod assumed, string node, long cycle, CycleState state, CancellationToken ct)
    {
        await Task.Yield();
        var status = await profile.Framework.RunBindAsync(state, assumed, node, ct);
        if (status.IsSuccess)
        {
            _queue.Done(info.Key);
            SchedulerLog.Bound(_logger, info.Key, node);
            profile.Recorder.Event(assumed, EventTypes.Normal, "Scheduled", $"Successfully assigned {info.Key} to {node}");
            return;
        }
        // A failed bind undoes the assumption and retries the pod with back-off.
        _cache.ForgetPod(assumed);
        profile.Framework.RunUnreserve(state, assumed, node);
        await HandleFailureAsync(info, cycle, new ScheduleResult(null, null, status, state), ct);
    }
}
