namespace KubeSharp.Kubelet.Cri;

/// <summary>CRI over gRPC on a Unix socket (containerd). Placeholder: implemented with the agent.</summary>
public sealed partial class GrpcCriClient
{
}
