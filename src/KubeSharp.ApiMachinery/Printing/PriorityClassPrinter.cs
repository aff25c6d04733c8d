using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>PriorityClasses: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY.</summary>
internal static class PriorityClassPrinter
{
    // Upstream declares PreemptionPolicy with priority 0 but only fills it when printing wide, which the server
    // always does; so it is an ordinary column.
    public static ITablePrinter Create() => new TablePrinter<V1PriorityClass>(
    [
        Columns.Name(),
        Columns.Of<V1PriorityClass>("Value", Columns.Integer, "value"),
        Columns.Of<V1PriorityClass>("Global-Default", Columns.Boolean, "globalDefault"),
        Columns.Age(),
        Columns.Of<V1PriorityClass>("PreemptionPolicy", Columns.String, "preemptionPolicy"),
    ], (pc, now) =>
    [
        Cell.Name(pc.Metadata),
        Cell.Int(pc.Value ?? 0),
        Cell.Bool(pc.GlobalDefault ?? false),
        Cell.Age(pc.Metadata, now),
        pc.PreemptionPolicy ?? "",
    ]);
}
