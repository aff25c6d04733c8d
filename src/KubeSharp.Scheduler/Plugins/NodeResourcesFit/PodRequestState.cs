using KubeSharp.Scheduler.Cache;

namespace KubeSharp.Scheduler.Plugins.NodeResourcesFit;

/// <summary>The pod's requests, computed once per attempt in PreFilter and read by every Filter/Score call.</summary>
internal sealed record PodRequestState(Resource Requests, Resource NonZeroRequests)
{
    public const string Key = "PreFilter" + PluginNames.NodeResourcesFit;
}
