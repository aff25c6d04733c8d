using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Http;

/// <summary>What a resource URL names: upstream's RequestInfo (group, version, namespace, resource, name,
/// subresource) and the verb derived from the method and URL shape.</summary>
public sealed record ApiRequestInfo(
    ResourceInfo Resource,
    string? Namespace,
    string? Name,
    string? Subresource,
    string Verb);
