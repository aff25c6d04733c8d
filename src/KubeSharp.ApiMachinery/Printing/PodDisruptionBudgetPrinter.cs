using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>PodDisruptionBudgets: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE.</summary>
internal static class PodDisruptionBudgetPrinter
{
    private const string NotApplicable = "N/A";

    public static ITablePrinter Create() => new TablePrinter<V1PodDisruptionBudget>(
    [
        Columns.Name(),
        Columns.Text("Min Available", Columns.String, "The minimum number of pods that must be available."),
        Columns.Text("Max Unavailable", Columns.String, "The maximum number of pods that may be unavailable."),
        Columns.Text("Allowed Disruptions", Columns.Integer, "Calculated number of pods that may be disrupted at this time."),
        Columns.Age(),
    ], (pdb, now) =>
    [
        Cell.Name(pdb.Metadata),
        pdb.Spec?.MinAvailable?.Value ?? NotApplicable,
        pdb.Spec?.MaxUnavailable?.Value ?? NotApplicable,
        Cell.Int(pdb.Status?.DisruptionsAllowed ?? 0),
        Cell.Age(pdb.Metadata, now),
    ]);
}
