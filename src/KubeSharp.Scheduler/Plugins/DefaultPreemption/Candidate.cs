using k8s.Models;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>A node where evicting <see cref="Victims"/> (highest priority first) lets the preemptor fit.</summary>
internal sealed record Candidate(string NodeName, IReadOnlyList<V1Pod> Victims);
