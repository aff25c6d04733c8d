using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>upstream's SetDefaults_NodeStatus: allocatable defaults to capacity when unset.</summary>
public static class NodeDefaults
{
    public static void Apply(V1Node node)
    {
        if (node.Status is { Allocatable: null, Capacity: { } capacity })
        {
            node.Status.Allocatable = capacity.ToDictionary(kv => kv.Key, kv => new ResourceQuantity(kv.Value.ToString()));
        }
    }
}
