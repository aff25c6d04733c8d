using k8s.Models;

namespace KubeSharp.Client.Tests.Cache;

internal static class TestObjects
{
    public static V1Pod Pod(string ns, string name, string? node = null, Dictionary<string, string>? labels = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, Labels = labels },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "main", Image = "busybox" }] },
    };
}
