using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

/// <summary>
/// The CRI RuntimeService as the kubelet uses it. Two implementations: <see cref="GrpcCriClient"/> (containerd over
/// its Unix socket) and the in-memory fake (unit tests, hollow nodes). Errors surface as <see cref="CriException"/>;
/// lookups of an id the runtime does not know return null instead of throwing, since the kubelet races with
/// deletions all the time and "already gone" is an answer, not a failure.
/// </summary>
public interface IRuntimeService
{
    Task<VersionResponse> VersionAsync(CancellationToken ct);
    Task<RuntimeStatus> StatusAsync(CancellationToken ct);
    Task UpdateRuntimeConfigAsync(string podCidr, CancellationToken ct);

    Task<string> RunPodSandboxAsync(PodSandboxConfig config, string runtimeHandler, CancellationToken ct);
    /// <summary>Idempotent: stopping a missing or stopped sandbox succeeds.</summary>
    Task StopPodSandboxAsync(string podSandboxId, CancellationToken ct);
    /// <summary>Idempotent: removing a missing sandbox succeeds.</summary>
    Task RemovePodSandboxAsync(string podSandboxId, CancellationToken ct);
    Task<PodSandboxStatus?> PodSandboxStatusAsync(string podSandboxId, CancellationToken ct);
    Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter, CancellationToken ct);

    Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken ct);
    Task StartContainerAsync(string containerId, CancellationToken ct);
    /// <summary>SIGTERM (or the image's stop signal), SIGKILL after <paramref name="timeoutSeconds"/>. Idempotent.</summary>
    Task StopContainerAsync(string containerId, long timeoutSeconds, CancellationToken ct);
    /// <summary>Idempotent: removing a missing container succeeds.</summary>
    Task RemoveContainerAsync(string containerId, CancellationToken ct);
    Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter, CancellationToken ct);
    Task<ContainerStatus?> ContainerStatusAsync(string containerId, CancellationToken ct);

    Task<ExecSyncResponse> ExecSyncAsync(string containerId, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken ct);
    /// <summary>Returns the runtime streaming server's URL for the session.</summary>
    Task<string> ExecAsync(ExecRequest request, CancellationToken ct);
    Task<string> AttachAsync(AttachRequest request, CancellationToken ct);
    Task<string> PortForwardAsync(PortForwardRequest request, CancellationToken ct);
}
