namespace KubeSharp.ApiMachinery.Printing;

/// <summary>A meta.k8s.io/v1 TableColumnDefinition. Priority 0 columns are shown by default, higher ones with -o wide.</summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority = 0);
