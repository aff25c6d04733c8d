namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// A field another manager owns with a different value than the apply wants. <see cref="Manager"/> is upstream's
/// description (<c>"kubectl-client-side-apply" using apps/v1</c>), <see cref="Field"/> its path
/// (<c>.spec.replicas</c>); the API server puts them in the 409 Status causes (type FieldManagerConflict).
/// </summary>
public sealed record FieldConflict(string Manager, string Field);
