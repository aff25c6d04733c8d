using k8s.Models;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Runs after Filter rejected the pod on every node (upstream PostFilterPlugin), e.g. to make room by preemption.
/// Success means the pod may fit on the result's nominated node later; anything else is a status whose message
/// becomes the "preemption: ..." part of the FailedScheduling message.
/// </summary>
public interface IPostFilterPlugin : IPlugin
{
    Task<PostFilterResult> PostFilterAsync(CycleState state, V1Pod pod, PostFilterInput input, CancellationToken ct);
}
