using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>NetworkPolicies: NAME POD-SELECTOR AGE.</summary>
internal static class NetworkPolicyPrinter
{
    public static ITablePrinter Create() => new TablePrinter<V1NetworkPolicy>(
    [
        Columns.Name(),
        Columns.Of<V1NetworkPolicySpec>("Pod-Selector", Columns.String, "podSelector"),
        Columns.Age(),
    ], (np, now) => [Cell.Name(np.Metadata), LabelFormat.Selector(np.Spec?.PodSelector), Cell.Age(np.Metadata, now)]);
}
