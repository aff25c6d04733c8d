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
        if (old == null && obj.Metadata.ManagedFields is not { Count: > 0 })
        {
            // A plain create: one Update entry owning every field (see ManagedFields.FieldsOfCreate).
            obj.Metadata.ManagedFields = null;
            var fields = ManagedFields.FieldsOfCreate((System.Text.Json.Nodes.JsonObject)KubeJson.ToNode(obj), Resource.ModelType);
            obj.Metadata.ManagedFields =
            [
                new V1ManagedFieldsEntry
                {
                    Manager = options.FieldManager,
                    Operation = "Update",
                    ApiVersion = Resource.GroupVersion,
                    Time = Now(),
                    FieldsType = "FieldsV1",
                    FieldsV1 = fields,
                    Subresource = options.Subresource,
                },
            ];
            return;
        }
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
