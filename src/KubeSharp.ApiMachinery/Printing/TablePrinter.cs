namespace KubeSharp.ApiMachinery.Printing;

/// <summary>A printer for one k8s.Models type: fixed columns plus a row function.</summary>
internal sealed class TablePrinter<T>(TableColumn[] columns, Func<T, DateTime, object?[]> cells) : ITablePrinter
    where T : class
{
    public IReadOnlyList<TableColumn> Columns => columns;

    public object?[] Cells(object obj, DateTime now) => obj is T typed
        ? cells(typed, now)
        : throw new ArgumentException($"expected {typeof(T).Name}, got {obj.GetType().Name}", nameof(obj));
}
