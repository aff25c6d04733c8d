using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.Client.Rest;

/// <summary>Maps a k8s.Models type to the resource that serves it (V1Pod → pods, Corev1Event → core events).</summary>
public static class ModelResources
{
    private static readonly Dictionary<Type, ResourceInfo> ByModel = ResourceTable.Resources
        .GroupBy(r => r.ModelType)
        .ToDictionary(g => g.Key, g => g.First());

    public static ResourceInfo? For(Type modelType) => ByModel.GetValueOrDefault(modelType);
}
