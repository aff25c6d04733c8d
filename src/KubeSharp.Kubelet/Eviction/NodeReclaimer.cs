using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.ImageGc;
using KubeSharp.Kubelet.Pods;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// Disk pressure's node-level reclaim (upstream: container GC, then image GC): exited containers that are not the
/// latest instance of their container (the latest one carries the pod's status and logs), then every unused image.
/// </summary>
internal sealed partial class NodeReclaimer(IRuntimeService runtime, ImageGcManager images, ILogger logger) : INodeReclaimer
{
    public async Task ReclaimAsync(string signal, CancellationToken ct)
    {
        var removed = 0;
        var containers = await runtime.ListContainersAsync(null, ct);
        var superseded = containers
            .GroupBy(c => (c.Labels.GetValueOrDefault(KubeletLabels.PodUid, ""), c.Metadata.Name))
            .SelectMany(g => g.OrderByDescending(c => c.CreatedAt).Skip(1))
            .Where(c => c.State == ContainerState.ContainerExited);
        foreach (var c in superseded)
        {
            try
            {
                await runtime.RemoveContainerAsync(c.Id, ct);
                removed++;
            }
            catch (CriException e)
            {
                LogRemoveFailed(logger, c.Id, e.Message);
            }
        }
        long freed = 0;
        try
        {
            freed = await images.DeleteUnusedImagesAsync(ct);
        }
        catch (CriException e)
        {
            LogRemoveFailed(logger, "images", e.Message);
        }
        LogReclaimed(logger, signal, removed, freed);
    }

    [LoggerMessage(EventId = 6811, Level = LogLevel.Information, Message = "Reclaim for {Signal}: removed {Containers} dead containers, {Bytes} bytes of unused images")]
    private static partial void LogReclaimed(ILogger logger, string signal, int containers, long bytes);

    [LoggerMessage(EventId = 6812, Level = LogLevel.Warning, Message = "Reclaim: could not remove {What}: {Error}")]
    private static partial void LogRemoveFailed(ILogger logger, string what, string error);
}
