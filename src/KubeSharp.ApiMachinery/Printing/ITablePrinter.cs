namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// Server-side printing of one resource as a meta.k8s.io/v1 Table: the column definitions and, per object, the
/// row cells. Cells always include the priority &gt; 0 ("-o wide") columns, as kube-apiserver does; kubectl hides them.
/// </summary>
public interface ITablePrinter
{
    IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>
    /// The cells of one row, in column order: strings, boxed longs for "integer" columns, booleans for "boolean".
    /// <paramref name="now"/> (UTC) is the clock that ages are computed against.
    /// </summary>
    object?[] Cells(object obj, DateTime now);
}
