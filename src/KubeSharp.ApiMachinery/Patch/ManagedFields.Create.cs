using System.Text.Json.Nodes;

namespace KubeSharp.ApiMachinery.Patch;

public static partial class ManagedFields
{
    /// <summary>
    /// The single Update entry a plain create records (no managedFields sent by the client, no previous object):
    /// the manager owns every field of the new object. Same result as <see cref="RecordUpdate"/> for that case,
    /// without cloning the object or round-tripping the entry list through JSON — creates are the hot write path.
    /// Returns the fieldsV1 set.
    /// </summary>
    public static JsonObject FieldsOfCreate(JsonObject newObject, Type modelType)
    {
        return CreateFieldSet.Build(newObject, modelType);
    }
}
