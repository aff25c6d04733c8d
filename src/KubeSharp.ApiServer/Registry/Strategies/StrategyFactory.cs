using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Registry.Strategies;

public static class StrategyFactory
{
    public static IResourceStrategy For(ResourceInfo r) => (r.Group, r.Resource) switch
    {
        ("", "pods") => new PodStrategy(r),
        ("", "namespaces") => new NamespaceStrategy(r),
        ("", "services") => new ServiceStrategy(r),
        ("", "nodes") => new NodeStrategy(r),
        ("apps", "deployments") => new DeploymentStrategy(r),
        ("discovery.k8s.io", "endpointslices") => new EndpointSliceStrategy(r),
        _ => new DefaultStrategy(r),
    };
}
