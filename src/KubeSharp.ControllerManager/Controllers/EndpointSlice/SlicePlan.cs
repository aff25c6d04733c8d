using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.EndpointSlice;

/// <summary>The writes one reconcile decided on: new slices (generateName), changed slices (full updates), slices to delete.</summary>
internal sealed class SlicePlan
{
    public List<V1EndpointSlice> Create { get; } = [];

    public List<V1EndpointSlice> Update { get; } = [];

    public List<V1EndpointSlice> Delete { get; } = [];
}
