using KubeSharp.Client.Events;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Shared;

/// <summary>What every controller is built from: one client, one informer factory, one event recorder per process.</summary>
internal sealed record ControllerContext(
    KubeClient Client,
    SharedInformerFactory Informers,
    IEventRecorder Recorder,
    TimeProvider Time,
    ILoggerFactory LoggerFactory)
{
    /// <summary>The host's settings, for controllers with flags of their own (node IPAM, endpoint slices).</summary>
    public ControllerManagerOptions Options { get; init; } = new() { KubeconfigPath = "" };
}
