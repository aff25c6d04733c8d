using k8s;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// The API server's fallback table for resources without a printer (its default TableConvertor): NAME and
/// CREATED AT, the creation timestamp in RFC 3339 UTC.
/// </summary>
internal sealed class DefaultTablePrinter : ITablePrinter
{
    public static DefaultTablePrinter Instance { get; } = new();

    private readonly TableColumn[] _columns =
    [
        Printing.Columns.Name(),
        new("Created At", "date", "", ColumnDocs.Field<V1ObjectMeta>("creationTimestamp")),
    ];

    public IReadOnlyList<TableColumn> Columns => _columns;

    public object?[] Cells(object obj, DateTime now)
    {
        var metadata = (obj as IMetadata<V1ObjectMeta>)?.Metadata;
        var created = metadata?.CreationTimestamp is { } t
            ? Cell.Utc(t).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            // Go formats the zero time; an object without a timestamp has never been stored.
            : "0001-01-01T00:00:00Z";
        return [metadata?.Name ?? "", created];
    }
}
