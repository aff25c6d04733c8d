using k8s.Models;

namespace KubeSharp.ApiMachinery.Patch;

/// <summary>
/// Server-side apply's structural tags that strategic merge does not use: structs marked <c>+structType=atomic</c>
/// and maps marked <c>+mapType=atomic</c> upstream are owned and replaced as a whole instead of field by field.
/// </summary>
internal static class ApplyAtomicity
{
    private static readonly HashSet<Type> s_atomicStructs = [typeof(V1LabelSelector)];

    private static readonly HashSet<(Type, string)> s_atomicMaps =
    [
        (typeof(V1PodSpec), "nodeSelector"),
        (typeof(V1ServiceSpec), "selector"),
        (typeof(V1ReplicationControllerSpec), "selector"),
    ];

    internal static bool IsAtomic(Type? declaringType, string jsonField, Type? valueType) =>
        (valueType is not null && s_atomicStructs.Contains(valueType)) ||
        (declaringType is not null && s_atomicMaps.Contains((declaringType, jsonField)));
}
