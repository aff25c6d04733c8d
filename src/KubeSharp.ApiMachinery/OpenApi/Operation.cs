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

/// <summary>Which request shape an operation has; decides its query parameters and body media types.</summary>
internal enum OperationKind
{
    Read,
    List,
    Create,
    Replace,
    Patch,
    Delete,
    DeleteCollection,
}
