using k8s;
using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// Rolls Deployments out through ReplicaSets (upstream's DeploymentController, pkg/controller/deployment): one
/// ReplicaSet per pod template, named after the template's hash; RollingUpdate or Recreate between them;
/// proportional scaling; revision history; pause; progress deadline; status and conditions.
/// The controller has no expectations of its own: every ReplicaSet write carries a resourceVersion or a
/// deterministic name, so a stale cache costs a conflict and a retry, never a double action.
/// </summary>
internal sealed partial class DeploymentController : IController
{
    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Deployment> _deploymentInformer;
    private readonly SharedInformer<V1ReplicaSet> _rsInformer;
    private readonly SharedInformer<V1Pod> _podInformer;
    private readonly ResourceClient<V1Deployment> _deployments;
    private readonly ResourceClient<V1ReplicaSet> _replicaSets;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public DeploymentController(ControllerContext context)
    {
        _informers = context.Informers;
        _deploymentInformer = context.Informers.InformerFor<V1Deployment>();
        _rsInformer = context.Informers.InformerFor<V1ReplicaSet>();
        _podInformer = context.Informers.InformerFor<V1Pod>();
        _deployments = context.Client.For<V1Deployment>();
        _replicaSets = context.Client.For<V1ReplicaSet>();
        _recorder = context.Recorder;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger("controller." + ControllerNames.Deployment);
        _queue = new RateLimitingQueue<string>(_time);
        _deploymentInformer.AddEventHandler(new ResourceEventHandler<V1Deployment>
        {
            Added = Enqueue,
            Updated = (_, cur) => Enqueue(cur),
            Deleted = (d, _) => Enqueue(d),
        });
        _rsInformer.AddEventHandler(new ResourceEventHandler<V1ReplicaSet>
        {
            Added = OnReplicaSetAdded,
            Updated = OnReplicaSetUpdated,
            Deleted = (rs, _) => OnReplicaSetDeleted(rs),
        });
        _podInformer.AddEventHandler(new ResourceEventHandler<V1Pod>
        {
            Deleted = (pod, _) => OnPodDeleted(pod),
        });
    }

    public string Name => ControllerNames.Deployment;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private void Enqueue(V1Deployment d) => _queue.Add(KubeObjects.KeyOf(d));

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Created ReplicaSet {ReplicaSet} for {Deployment} with {Replicas} replicas")]
    private static partial void LogCreated(ILogger logger, string replicaSet, string deployment, int replicas);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "Hash collision for {Deployment}: {ReplicaSet} exists; collisionCount {Old} -> {New}")]
    private static partial void LogCollision(ILogger logger, string deployment, string replicaSet, int old, int @new);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Scaled {Operation} {ReplicaSet} of {Deployment} from {Old} to {New}")]
    private static partial void LogScaled(ILogger logger, string operation, string replicaSet, string deployment, int old, int @new);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Information, Message = "Deleted old ReplicaSet {ReplicaSet} of {Deployment} (revisionHistoryLimit)")]
    private static partial void LogCleanedUp(ILogger logger, string replicaSet, string deployment);
}
