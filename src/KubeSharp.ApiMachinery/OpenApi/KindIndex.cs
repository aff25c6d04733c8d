using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>The GVK each kind schema is tagged with (x-kubernetes-group-version-kind), keyed by model type.</summary>
internal static class KindIndex
{
    private static readonly Lazy<Dictionary<Type, GroupVersionKind>> _kinds = new(Build);

    public static GroupVersionKind? Of(Type type) => _kinds.Value.TryGetValue(type, out var gvk) ? gvk : null;

    private static Dictionary<Type, GroupVersionKind> Build()
    {
        var kinds = new Dictionary<Type, GroupVersionKind>();
        foreach (var resource in ResourceTable.Resources)
        {
            kinds.TryAdd(resource.ModelType, new(resource.Group, resource.Version, resource.Kind));
            if (resource.ListType is { } list && list != resource.ModelType)
            {
                kinds.TryAdd(list, new(resource.Group, resource.Version, resource.ListKind));
            }
        }
        kinds.TryAdd(typeof(V1Scale), new("autoscaling", "v1", "Scale"));
        return kinds;
    }
}
