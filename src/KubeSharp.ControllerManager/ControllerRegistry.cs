using k8s.Models;
using KubeSharp.ControllerManager.Controllers.GarbageCollector;
using KubeSharp.ControllerManager.Controllers.Namespace;
using KubeSharp.ControllerManager.Controllers.ReplicaSet;
using KubeSharp.ControllerManager.Shared;

namespace KubeSharp.ControllerManager;

/// <summary>Name → factory of every controller (upstream's NewControllerDescriptors).</summary>
internal static class ControllerRegistry
{
    private static readonly Dictionary<string, Func<ControllerContext, IController>> Factories = new()
    {
        [ControllerNames.Namespace] = c => new NamespaceController(c),
        [ControllerNames.ReplicaSet] = c => new ReplicaSetController<V1ReplicaSet>(c, new ReplicaSetAdapter()),
        [ControllerNames.ReplicationController] = c => new ReplicaSetController<V1ReplicationController>(c, new ReplicationControllerAdapter()),
        [ControllerNames.GarbageCollector] = c => new GarbageCollector(c),
        [ControllerNames.Deployment] = c => new Controllers.Deployment.DeploymentController(c),
        [ControllerNames.Endpoints] = c => new Controllers.Endpoints.EndpointsController(c),
        [ControllerNames.EndpointSlice] = c => new Controllers.EndpointSlice.EndpointSliceController(c),
        [ControllerNames.ServiceAccount] = c => new Controllers.ServiceAccount.ServiceAccountController(c),
        [ControllerNames.NodeIpam] = c => new Controllers.NodeIpam.NodeIpamController(c),
        [ControllerNames.ResourceQuota] = c => new Controllers.ResourceQuota.ResourceQuotaController(c),
        [ControllerNames.NodeLifecycle] = c => new Controllers.NodeLifecycle.NodeLifecycleController(c),
        [ControllerNames.TaintEviction] = c => new Controllers.TaintEviction.TaintEvictionController(c),
        [ControllerNames.Disruption] = c => new Controllers.Disruption.DisruptionController(c),
        [ControllerNames.ServiceLb] = c => new Controllers.ServiceLb.ServiceLbController(c),
    };

    /// <summary>The names to run: "*" is all; "-name" removes one (as upstream's --controllers); unknown names throw.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> requested)
    {
        var enabled = new List<string>();
        if (requested.Contains("*")) enabled.AddRange(ControllerNames.All);
        foreach (var name in requested)
        {
            if (name == "*") continue;
            var bare = name.TrimStart('-');
            if (!Factories.ContainsKey(bare)) throw new ArgumentException($"unknown controller \"{bare}\"; known: {string.Join(", ", ControllerNames.All)}");
            if (name.StartsWith('-')) enabled.Remove(bare);
            else if (!enabled.Contains(bare)) enabled.Add(bare);
        }
        return enabled;
    }

    public static IController Create(string name, ControllerContext context) => Factories[name](context);
}
