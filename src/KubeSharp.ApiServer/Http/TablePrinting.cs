using KubeSharp.ApiMachinery.Printing;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Http;

/// <summary>The server-side Table columns and cells of each resource, from ApiMachinery's printers.</summary>
public static class TablePrinting
{
    public static IReadOnlyList<TableColumn> Columns(ResourceInfo resource) => TablePrinters.For(resource).Columns;

    public static object?[] Cells(ResourceInfo resource, object obj, DateTime now) => TablePrinters.For(resource).Cells(obj, now);
}
