namespace KubeSharp.ApiMachinery.OpenApi;

/// <summary>One HTTP operation of a path in a group-version document.</summary>
internal sealed record Operation(
    string Method,
    string Action,
    string OperationId,
    string Description,
    GroupVersionKind Gvk,
    string? RequestSchema,
    string ResponseSchema,
    OperationKind Kind);
