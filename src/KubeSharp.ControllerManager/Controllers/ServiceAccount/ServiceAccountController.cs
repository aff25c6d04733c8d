using k8s;
using k8s.Models;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Queues;
using KubeSharp.Client.Rest;
using KubeSharp.ControllerManager.Shared;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.ServiceAccount;

/// <summary>
/// Ensures every active namespace has a "default" ServiceAccount (upstream's ServiceAccountsController,
/// pkg/controller/serviceaccount). Keyed by namespace name: a namespace being added or updated, or its default
/// ServiceAccount being deleted, enqueues the namespace; the sync creates what is missing.
/// </summary>
internal sealed partial class ServiceAccountController : IController
{
    /// <summary>upstream's DefaultServiceAccountsControllerOptions: only "default" is ensured.</summary>
    public static readonly string[] Ensured = ["default"];

    private readonly SharedInformerFactory _informers;
    private readonly SharedInformer<V1Namespace> _namespaceInformer;
    private readonly SharedInformer<V1ServiceAccount> _accountInformer;
    private readonly ResourceClient<V1ServiceAccount> _accounts;
    private readonly ILogger _logger;
    private readonly RateLimitingQueue<string> _queue;

    public ServiceAccountController(ControllerContext context)
    {
        _informers = context.Informers;
        _namespaceInformer = context.Informers.InformerFor<V1Namespace>();
        _accountInformer = context.Informers.InformerFor<V1ServiceAccount>();
        _accounts = context.Client.For<V1ServiceAccount>();
        _logger = context.LoggerFactory.CreateLogger("controller.serviceaccount");
        _queue = new RateLimitingQueue<string>(context.Time);
        _namespaceInformer.AddEventHandler(new ResourceEventHandler<V1Namespace>
        {
            Added = ns => _queue.Add(ns.Name()),
            Updated = (_, ns) => _queue.Add(ns.Name()),
        });
        _accountInformer.AddEventHandler(new ResourceEventHandler<V1ServiceAccount>
        {
            Deleted = (sa, _) =>
            {
                if (Array.IndexOf(Ensured, sa.Name()) >= 0) _queue.Add(sa.Namespace());
            },
        });
    }

    public string Name => ControllerNames.ServiceAccount;

    public async Task RunAsync(int workers, CancellationToken ct)
    {
        if (!await _informers.WaitForCacheSyncAsync(ct)) return;
        await QueueWorkers.RunAsync(_queue, workers, SyncAsync, _logger, ct);
    }

    private async Task SyncAsync(string ns, CancellationToken ct)
    {
        var namespaceObj = _namespaceInformer.Lister.Get(null, ns);
        // Upstream skips namespaces that are not Active: creates in a terminating namespace are refused anyway.
        if (namespaceObj == null || namespaceObj.Status?.Phase is { Length: > 0 } and not "Active") return;
        if (namespaceObj.Metadata?.DeletionTimestamp != null) return;
        foreach (var name in Ensured)
        {
            if (_accountInformer.Lister.Get(ns, name) != null) continue;
            try
            {
                await _accounts.CreateAsync(new V1ServiceAccount
                {
                    ApiVersion = "v1",
                    Kind = "ServiceAccount",
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                }, ct);
                LogCreated(_logger, ns, name);
            }
            catch (KubeApiException e) when (ApiErrors.IsAlreadyExists(e))
            {
                // The cache lagged behind an earlier create: nothing to do.
            }
            catch (KubeApiException e) when (ApiErrors.IsForbidden(e) && e.Status.Message?.Contains("terminat", StringComparison.OrdinalIgnoreCase) == true)
            {
                // The namespace started terminating after the cache saw it active (upstream's NamespaceTerminatingCause).
            }
        }
    }

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Created ServiceAccount {Namespace}/{Name}")]
    private static partial void LogCreated(ILogger logger, string @namespace, string name);
}
