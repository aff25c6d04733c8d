using k8s.Models;

namespace KubeSharp.Kubelet.Pods;

/// <summary>What one pod sync produced: the status to report and when to look at the pod again (back-offs).</summary>
internal sealed record SyncResult(V1PodStatus? Status, TimeSpan? RequeueAfter);
