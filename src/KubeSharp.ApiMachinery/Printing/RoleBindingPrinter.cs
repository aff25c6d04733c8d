using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>RoleBindings and ClusterRoleBindings: NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS.</summary>
internal static class RoleBindingPrinter
{
    public static ITablePrinter CreateRoleBinding() => new TablePrinter<V1RoleBinding>(Definitions("roleBinding"),
        (rb, now) => Cells(rb.Metadata, rb.RoleRef, rb.Subjects, now));

    public static ITablePrinter CreateClusterRoleBinding() => new TablePrinter<V1ClusterRoleBinding>(Definitions("clusterRoleBinding"),
        (crb, now) => Cells(crb.Metadata, crb.RoleRef, crb.Subjects, now));

    private static TableColumn[] Definitions(string kind) =>
    [
        Columns.Name(),
        Columns.Of<V1RoleBinding>("Role", Columns.String, "roleRef"),
        Columns.Age(),
        Columns.Text("Users", Columns.String, $"Users in the {kind}", 1),
        Columns.Text("Groups", Columns.String, $"Groups in the {kind}", 1),
        Columns.Text("ServiceAccounts", Columns.String, $"ServiceAccounts in the {kind}", 1),
    ];

    // Subjects split by kind (rbac.SubjectsStrings); service accounts as "namespace/name"; lists joined by ", ".
    private static object?[] Cells(V1ObjectMeta? metadata, V1RoleRef? roleRef, IList<Rbacv1Subject>? subjects, DateTime now)
    {
        List<string>? users = null, groups = null, serviceAccounts = null;
        if (subjects is not null)
        {
            foreach (var subject in subjects)
            {
                switch (subject.Kind)
                {
                    case "User":
                        (users ??= []).Add(subject.Name);
                        break;
                    case "Group":
                        (groups ??= []).Add(subject.Name);
                        break;
                    case "ServiceAccount":
                        (serviceAccounts ??= []).Add(subject.NamespaceProperty + "/" + subject.Name);
                        break;
                }
            }
        }
        return
        [
            Cell.Name(metadata),
            roleRef?.Kind + "/" + roleRef?.Name,
            Cell.Age(metadata, now),
            users is null ? "" : string.Join(", ", users),
            groups is null ? "" : string.Join(", ", groups),
            serviceAccounts is null ? "" : string.Join(", ", serviceAccounts),
        ];
    }
}
