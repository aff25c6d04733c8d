using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Runs before a pod enters the active or back-off queue (upstream PreEnqueuePlugin). A non-success keeps the pod
/// out of scheduling attempts altogether: it waits, gated, until an update of the pod itself lets it pass.
/// </summary>
public interface IPreEnqueuePlugin : IPlugin
{
    Status PreEnqueue(V1Pod pod);
}
