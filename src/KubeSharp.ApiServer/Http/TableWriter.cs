using System.Text.Json;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Printing;
using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.ApiServer.Cache;

namespace KubeSharp.ApiServer.Http;

/// <summary>meta.k8s.io Table responses: column definitions, one row per object with its cells and (by default)
/// the object's metadata as PartialObjectMetadata, which kubectl needs for -A, --show-labels and -L.</summary>
public static class TableWriter
{
    public static void Write(Utf8JsonWriter w, ResourceInfo resource, Negotiation n, IEnumerable<CachedObject> items,
        long resourceVersion, string? continueToken, long? remaining, DateTime now, bool includeColumns = true)
    {
        w.WriteStartObject();
        w.WriteString("kind", "Table");
        w.WriteString("apiVersion", $"meta.k8s.io/{n.TableVersion}");
        w.WriteStartObject("metadata");
        w.WriteString("resourceVersion", resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (continueToken != null) w.WriteString("continue", continueToken);
        if (remaining is > 0) w.WriteNumber("remainingItemCount", remaining.Value);
        w.WriteEndObject();
        if (includeColumns)
        {
            TableJson.WriteColumnDefinitions(w, TablePrinters.For(resource).Columns);
        }
        else
        {
            w.WriteStartArray("columnDefinitions");
            w.WriteEndArray();
        }
        w.WriteStartArray("rows");
        foreach (var item in items) WriteRow(w, resource, n, item.Json, now);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteRow(Utf8JsonWriter w, ResourceInfo resource, Negotiation n, byte[] json, DateTime now)
    {
        var obj = KubeJson.Deserialize(json, resource.ModelType);
        w.WriteStartObject();
        TableJson.WriteCells(w, TablePrinters.For(resource).Cells(obj, now));
        if (n.IncludeObject)
        {
            w.WritePropertyName("object");
            w.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            w.WriteStartObject("object");
            w.WriteString("kind", "PartialObjectMetadata");
            w.WriteString("apiVersion", "meta.k8s.io/v1");
            w.WritePropertyName("metadata");
            var meta = ((IKubernetesObject<V1ObjectMeta>)obj).Metadata ?? new V1ObjectMeta();
            w.WriteRawValue(KubeJson.Serialize(meta, typeof(V1ObjectMeta)), skipInputValidation: true);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
