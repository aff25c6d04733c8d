using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Cache;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.Disruption;

/// <summary>
/// Upstream's disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status (healthy,
/// desired and expected pods, disruptionsAllowed, the DisruptionAllowed condition) in line with the pods its
/// selector matches in its namespace, so that the eviction API can decide from status alone. Keyed by budget:
/// budget events enqueue the budget, pod events enqueue every budget matching the pod (before and after a
/// relabel); pods the eviction API admitted (status.disruptedPods) bring the budget back when their deletion
/// deadline passes. Not done here: upstream's second loop that clears a stale DisruptionTarget pod condition.
/// </summary>
internal sealed partial class DisruptionController : IController
{
    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1PodDisruptionBudget> _pdbInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly ResourceClient<V1PodDisruptionBudget> _pdbs;
    private readonly IControllerScales _scales;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public DisruptionController(ControllerContext context)
    {
        _informers = context.Informers;
        _pdbInformer = context.Informers.InformerFor<V1PodDisruptionBudget>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        _scales = new ListerControllerScales(context.Informers.ListerFor<V1ReplicationController>(), context.Informers.ListerFor<V1ReplicaSet>(),
            context.Informers.ListerFor<V1Deployment>(), context.Informers.ListerFor<V1StatefulSet>());
        _pdbs = context.Client.For<V1PodDisruptionBudget>();
        _recorder = context.Recorder;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger("controller.disruption");
        _queue = new RateLimitingQueue<string>(context.Time);
        _pdbInformer.AddEventHandler(new ResourceEventHandler<V1PodDisruptionBudget>
        {
            Added = b => _queue.Add(KubeObjects.KeyOf(b)),
            Updated = (_, b) => _queue.Add(KubeObjects.KeyOf(b)),
            Deleted = (b, _) => _queue.Add(KubeObjects.KeyOf(b)),
        });
        _podInformer.AddEventHandler(new ResourceEventHandler<V1Pod>
        {
            Added = EnqueueBudgetsOf,
            Updated = (o, n) =>
            {
                EnqueueBudgetsOf(n);
                if (!SameLabels(o, n)) EnqueueBudgetsOf(o);
            },
            Deleted = (p, _) => EnqueueBudgetsOf(p),
        });
    }

    public string Name => ControllerNames.Disruption;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private void EnqueueBudgetsOf(V1Pod pod)
    {
        foreach (var pdb in BudgetsFor(pod)) _queue.Add(KubeObjects.KeyOf(pdb));
    }

    /// <summary>Budgets in the pod's namespace whose selector matches its labels (null selector: none; empty: all).</summary>
    private List<V1PodDisruptionBudget> BudgetsFor(V1Pod pod)
    {
        var found = new List<V1PodDisruptionBudget>();
        foreach (var pdb in _pdbInformer.Lister.List(pod.Namespace()))
        {
            if (SelectorOf(pdb) is { } selector && selector.Matches(pod.Metadata?.Labels)) found.Add(pdb);
        }
        return found;
    }

    /// <summary>The budget's selector; null when it cannot be parsed (validation should have refused it).</summary>
    private static LabelSelector? SelectorOf(V1PodDisruptionBudget pdb)
    {
        try
        {
            return LabelSelector.FromV1(pdb.Spec?.Selector);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool SameLabels(V1Pod a, V1Pod b)
    {
        var x = a.Metadata?.Labels;
        var y = b.Metadata?.Labels;
        if (x == null || y == null) return (x?.Count ?? 0) == (y?.Count ?? 0);
        return x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
