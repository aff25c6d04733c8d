namespace KubeSharp.ApiMachinery.OpenApi;

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
