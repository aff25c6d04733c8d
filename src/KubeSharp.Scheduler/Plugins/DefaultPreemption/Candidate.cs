using k8s.Models;

namespace KubeSharp.Scheduler.Plugins.DefaultPreemption;

/// <summary>
/// A node where evicting <see cref="Victims"/> (highest priority first) lets the preemptor fit;
/// <see cref="PdbViolations"/> of those evictions would break a PodDisruptionBudget.
/// </summary>
internal sealed record Candidate(string NodeName, IReadOnlyList<V1Pod> Victims, int PdbViolations = 0);
