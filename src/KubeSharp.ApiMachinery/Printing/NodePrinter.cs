using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Nodes: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.</summary>
internal static class NodePrinter
{
    private const string RolePrefix = "node-role.kubernetes.io/";
    private const string RoleLabel = "kubernetes.io/role";

    public static ITablePrinter Create() => new TablePrinter<V1Node>(
    [
        Columns.Name(),
        Columns.Text("Status", Columns.String, "The status of the node"),
        Columns.Text("Roles", Columns.String, "The roles of the node"),
        Columns.Age(),
        Columns.Of<V1NodeSystemInfo>("Version", Columns.String, "kubeletVersion"),
        Columns.Of<V1NodeStatus>("Internal-IP", Columns.String, "addresses", 1),
        Columns.Of<V1NodeStatus>("External-IP", Columns.String, "addresses", 1),
        Columns.Of<V1NodeSystemInfo>("OS-Image", Columns.String, "osImage", 1),
        Columns.Of<V1NodeSystemInfo>("Kernel-Version", Columns.String, "kernelVersion", 1),
        Columns.Of<V1NodeSystemInfo>("Container-Runtime", Columns.String, "containerRuntimeVersion", 1),
    ], Cells);

    private static object?[] Cells(V1Node node, DateTime now)
    {
        var info = node.Status?.NodeInfo;
        return
        [
            Cell.Name(node.Metadata),
            Status(node),
            Roles(node.Metadata?.Labels),
            Cell.Age(node.Metadata, now),
            info?.KubeletVersion ?? "",
            Address(node, "InternalIP"),
            Address(node, "ExternalIP"),
            OrUnknown(info?.OsImage),
            OrUnknown(info?.KernelVersion),
            OrUnknown(info?.ContainerRuntimeVersion),
        ];
    }

    // Only the Ready condition is reported (upstream's NodeAllConditions); the last one of that type wins.
    private static string Status(V1Node node)
    {
        string? ready = null;
        if (node.Status?.Conditions is { } conditions)
        {
            foreach (var condition in conditions)
            {
                if (condition.Type == "Ready")
                {
                    ready = condition.Status == "True" ? "Ready" : "NotReady";
                }
            }
        }
        ready ??= "Unknown";
        return node.Spec?.Unschedulable == true ? ready + ",SchedulingDisabled" : ready;
    }

    private static string Roles(IDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return Cell.None;
        }
        SortedSet<string>? roles = null;
        foreach (var (key, value) in labels)
        {
            string? role = null;
            if (key.StartsWith(RolePrefix, StringComparison.Ordinal) && key.Length > RolePrefix.Length)
            {
                role = key[RolePrefix.Length..];
            }
            else if (key == RoleLabel && value.Length > 0)
            {
                role = value;
            }
            if (role is not null)
            {
                (roles ??= new SortedSet<string>(StringComparer.Ordinal)).Add(role);
            }
        }
        return roles is null ? Cell.None : string.Join(',', roles);
    }

    private static string Address(V1Node node, string type)
    {
        if (node.Status?.Addresses is { } addresses)
        {
            foreach (var address in addresses)
            {
                if (address.Type == type)
                {
                    return address.Address;
                }
            }
        }
        return Cell.None;
    }

    private static string OrUnknown(string? value) => string.IsNullOrEmpty(value) ? Cell.Unknown : value;
}
