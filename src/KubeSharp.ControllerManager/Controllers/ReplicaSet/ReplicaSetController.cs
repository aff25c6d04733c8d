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

namespace KubeSharp.ControllerManager.Controllers.ReplicaSet;

/// <summary>
/// Keeps spec.replicas pods matching an owner's selector (upstream's ReplicaSetController,
/// pkg/controller/replicaset). Generic over the owner kind: ReplicaSet and ReplicationController share this one
/// implementation through <see cref="IReplicaAdapter{TOwner}"/>.
/// </summary>
internal sealed partial class ReplicaSetController<TOwner> : IController
    where TOwner : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>upstream's BurstReplicas: at most this many creates or deletes per sync.</summary>
    private const int BurstReplicas = 500;

    private readonly IReplicaAdapter<TOwner> _adapter;
    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<TOwner> _ownerInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly ResourceClient<TOwner> _owners;
    private readonly ResourceClient<V1Pod> _pods;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;
    private readonly ControllerExpectations _expectations;

    public ReplicaSetController(ControllerContext context, IReplicaAdapter<TOwner> adapter)
    {
        _adapter = adapter;
        _informers = context.Informers;
        _ownerInformer = context.Informers.InformerFor<TOwner>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        _owners = context.Client.For<TOwner>();
        _pods = context.Client.For<V1Pod>();
        _recorder = context.Recorder;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger("controller." + adapter.ControllerName);
        _queue = new RateLimitingQueue<string>(_time);
        _expectations = new ControllerExpectations(_time);
        _ownerInformer.AddEventHandler(new ResourceEventHandler<TOwner>
        {
            Added = Enqueue,
            Updated = (_, cur) => Enqueue(cur),
            Deleted = (o, _) =>
            {
                _expectations.Delete(KubeObjects.KeyOf(o));
                Enqueue(o);
            },
        });
        _podInformer.AddEventHandler(new ResourceEventHandler<V1Pod>
        {
            Added = OnPodAdded,
            Updated = OnPodUpdated,
            Deleted = (p, _) => OnPodDeleted(p),
        });
    }

    public string Name => _adapter.ControllerName;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private void Enqueue(TOwner owner) => _queue.Add(KubeObjects.KeyOf(owner));

    /// <summary>Owners in the pod's namespace whose selector matches it (for orphans that may be adopted).</summary>
    private IEnumerable<TOwner> MatchingOwners(V1Pod pod)
    {
        var labels = pod.Metadata?.Labels;
        if (labels == null || labels.Count == 0) return [];
        return _ownerInformer.Lister.List(pod.Namespace()).Where(o => _adapter.Selector(o).Matches(labels));
    }

    /// <summary>The owner named by a controller reference, if it is of our kind and the uid still matches.</summary>
    private TOwner? ResolveControllerRef(string ns, V1OwnerReference? reference)
    {
        if (reference == null || reference.Kind != _adapter.Kind) return null;
        var owner = _ownerInformer.Lister.Get(ns, reference.Name);
        return owner != null && owner.Uid() == reference.Uid ? owner : null;
    }
}
