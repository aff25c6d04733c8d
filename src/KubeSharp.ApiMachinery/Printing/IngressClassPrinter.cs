using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>IngressClasses: NAME CONTROLLER PARAMETERS AGE; PARAMETERS is "Kind[.apiGroup]/name".</summary>
internal static class IngressClassPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1IngressClass>(
    [
        Columns.Name(),
        Columns.Text("Controller", Columns.String, "Controller that is responsible for handling this class"),
        Columns.Text("Parameters", Columns.String, "A reference to a resource with additional parameters"),
        Columns.Age(),
    ], (ic, now) =>
    [
        Cell.Name(ic.Metadata),
        ic.Spec?.Controller ?? "",
        Parameters(ic.Spec?.Parameters),
        Cell.Age(ic.Metadata, now),
    ]);

    private static string Parameters(V1IngressClassParametersReference? parameters)
    {
        if (parameters is null)
        {
            return Cell.None;
        }
        var kind = parameters.ApiGroup is null ? parameters.Kind : parameters.Kind + "." + parameters.ApiGroup;
        return kind + "/" + parameters.Name;
    }
}
