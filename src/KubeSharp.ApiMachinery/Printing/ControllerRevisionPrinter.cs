using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>ControllerRevisions: NAME CONTROLLER REVISION AGE; CONTROLLER is "kind.group/name" of the controller owner.</summary>
internal static class ControllerRevisionPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1ControllerRevision>(
    [
        Columns.Name(),
        Columns.Text("Controller", Columns.String, "Controller of the object"),
        Columns.Of<V1ControllerRevision>("Revision", Columns.String, "revision"),
        Columns.Age(),
    ], (cr, now) =>
    [
        Cell.Name(cr.Metadata),
        Controller(cr.Metadata?.OwnerReferences),
        Cell.Int(cr.Revision ?? 0),
        Cell.Age(cr.Metadata, now),
    ]);

    // formatResourceName(GroupKind, name, withKind): lower-cased "kind.group/name", "kind/name" for the core group.
    private static string Controller(IList<V1OwnerReference>? owners)
    {
        if (owners is null)
        {
            return Cell.None;
        }
        foreach (var owner in owners)
        {
            if (owner.Controller != true)
            {
                continue;
            }
            var apiVersion = owner.ApiVersion ?? "";
            var slash = apiVersion.IndexOf('/');
            var group = slash >= 0 ? apiVersion[..slash] : "";
            var kind = owner.Kind ?? "";
            if (kind.Length == 0 && group.Length == 0)
            {
                return owner.Name ?? "";
            }
            var groupKind = group.Length == 0 ? kind : kind + "." + group;
            return groupKind.ToLowerInvariant() + "/" + owner.Name;
        }
        return Cell.None;
    }
}
