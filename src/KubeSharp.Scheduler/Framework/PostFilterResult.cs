namespace KubeSharp.Scheduler.Framework;

/// <summary>A PostFilter's outcome: the node the pod is nominated to (on success) and the status.</summary>
public sealed record PostFilterResult(string? NominatedNodeName, Status Status);
