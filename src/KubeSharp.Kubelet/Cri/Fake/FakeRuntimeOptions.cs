namespace KubeSharp.Kubelet.Cri.Fake;

/// <summary>Settings of the in-memory runtime.</summary>
public sealed record FakeRuntimeOptions
{
    /// <summary>Sandboxes (not in the node's network namespace) get addresses from this IPv4 CIDR, from .2 up.</summary>
    public string PodCidr { get; init; } = "10.88.0.0/16";

    public string RuntimeName { get; init; } = "containerd";

    public string RuntimeVersion { get; init; } = "1.6.20~fake";

    /// <summary>Images present from the start (references as a pod spec names them, normalized on the way in).</summary>
    public IReadOnlyList<string> Images { get; init; } = ["registry.k8s.io/pause:3.10", "docker.io/library/busybox:latest"];

    /// <summary>Mount point reported by ImageFsInfo.</summary>
    public string ImageFsMountpoint { get; init; } = "/var/lib/containerd";
}
