namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// A field another manager owns with a different value than the apply wants. <see cref="Manager"/> is upstream's
/// description (<c>"kubectl"</c> for an applier, <c>"kubectl-client-side-apply" using apps/v1 at 2026-01-01T10:00:00Z</c> for an updater), <see cref="Field"/> its path
/// (<c>.spec.replicas</c>); the API server puts them in the 409 Status causes (type FieldManagerConflict).
/// </summary>
public sealed record FieldConflict(string Manager, string Field);
