using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Patch;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Http;

namespace KubeSharp.ApiServer.Registry;

public sealed partial class ResourceStore
{
    /// <summary>Records the write in metadata.managedFields as an Update by the request's field manager, as
    /// upstream's field manager does for every non-apply write (server-side apply computes its own entries).</summary>
    private void RecordManagedFields(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, WriteOptions options)
    {
        if (string.IsNullOrEmpty(options.FieldManager)) return;
        var node = KubeJson.ToNode(obj);
        var oldNode = old == null ? null : KubeJson.ToNode(old);
        try
        {
            var recorded = ManagedFields.RecordUpdate(oldNode, node, options.FieldManager, Resource.ModelType, Now(), options.Subresource);
            var entries = recorded["metadata"]?["managedFields"];
            obj.Metadata.ManagedFields = entries == null ? null : entries.Deserialize<IList<V1ManagedFieldsEntry>>(KubeJson.Options);
        }
        catch (PatchException e)
        {
            throw PatchApplier.ToStatus(e);
        }
    }
}
