namespace KubeSharp.ControllerManager.Shared;

/// <summary>What the namespace controller reads of any object: its name and the finalizers holding it.</summary>
internal sealed record ObjectSummary(string Name, string[] Finalizers);
