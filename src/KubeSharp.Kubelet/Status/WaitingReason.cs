namespace KubeSharp.Kubelet.Status;

/// <summary>Why a container is not running right now, as the pod sync decided (CrashLoopBackOff, ErrImagePull...).</summary>
internal sealed record WaitingReason(string Reason, string Message);
