using KubeSharp.ApiMachinery.Printing;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Http;

// Adapter over ApiMachinery's table printers (default columns until the printing branch lands).
public static class TablePrinting
{
    private static readonly TableColumn[] Default =
    [
        new("Name", "string", "name", "Name must be unique within a namespace."),
        new("Created At", "date", "", "CreationTimestamp is a timestamp representing the server time when this object was created."),
    ];

    public static IReadOnlyList<TableColumn> Columns(ResourceInfo resource) => Default;

    public static object?[] Cells(ResourceInfo resource, object obj, DateTime now)
    {
        var meta = ((k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>)obj).Metadata;
        return [meta?.Name, meta?.CreationTimestamp?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)];
    }
}
