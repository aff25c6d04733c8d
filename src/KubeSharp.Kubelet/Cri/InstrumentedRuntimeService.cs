using System.Collections.Concurrent;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

/// <summary>
/// Counts every CRI call by operation name (upstream's instrumented runtime and image services, which feed
/// kubelet_runtime_operations_total). Each call is a round trip that costs the runtime CPU too, so the counts are
/// how the kubelet's overhead on the runtime is measured and kept from regressing. Thread-safe; adds one
/// dictionary update per call.
/// </summary>
public sealed class InstrumentedRuntimeService(IRuntimeService runtime, IImageService images) : IRuntimeService, IImageService
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls so far by CRI method name (e.g. "ListContainers"); operations never called are absent.</summary>
    public IReadOnlyDictionary<string, long> Operations => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Calls of one operation so far.</summary>
    public long Count(string operation) => _counts.GetValueOrDefault(operation);

    private void Add(string operation) => _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    public Task<VersionResponse> VersionAsync(CancellationToken ct)
    {
        Add("Version");
        return runtime.VersionAsync(ct);
    }

    public Task<RuntimeStatus> StatusAsync(CancellationToken ct)
    {
        Add("Status");
        return runtime.StatusAsync(ct);
    }

    public Task UpdateRuntimeConfigAsync(string podCidr, CancellationToken ct)
    {
        Add("UpdateRuntimeConfig");
        return runtime.UpdateRuntimeConfigAsync(podCidr, ct);
    }

    public Task<string> RunPodSandboxAsync(PodSandboxConfig config, string runtimeHandler, CancellationToken ct)
    {
        Add("RunPodSandbox");
        return runtime.RunPodSandboxAsync(config, runtimeHandler, ct);
    }

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken ct)
    {
        Add("StopPodSandbox");
        return runtime.StopPodSandboxAsync(podSandboxId, ct);
    }

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken ct)
    {
        Add("RemovePodSandbox");
        return runtime.RemovePodSandboxAsync(podSandboxId, ct);
    }

    public Task<PodSandboxStatus?> PodSandboxStatusAsync(string podSandboxId, CancellationToken ct)
    {
        Add("PodSandboxStatus");
        return runtime.PodSandboxStatusAsync(podSandboxId, ct);
    }

    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter, CancellationToken ct)
    {
        Add("ListPodSandbox");
        return runtime.ListPodSandboxAsync(filter, ct);
    }

    public Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken ct)
    {
        Add("CreateContainer");
        return runtime.CreateContainerAsync(podSandboxId, config, sandboxConfig, ct);
    }

    public Task StartContainerAsync(string containerId, CancellationToken ct)
    {
        Add("StartContainer");
        return runtime.StartContainerAsync(containerId, ct);
    }

    public Task StopContainerAsync(string containerId, long timeoutSeconds, CancellationToken ct)
    {
        Add("StopContainer");
        return runtime.StopContainerAsync(containerId, timeoutSeconds, ct);
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken ct)
    {
        Add("RemoveContainer");
        return runtime.RemoveContainerAsync(containerId, ct);
    }

    public Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter, CancellationToken ct)
    {
        Add("ListContainers");
        return runtime.ListContainersAsync(filter, ct);
    }

    public Task<ContainerStatus?> ContainerStatusAsync(string containerId, CancellationToken ct)
    {
        Add("ContainerStatus");
        return runtime.ContainerStatusAsync(containerId, ct);
    }

    public Task<ExecSyncResponse> ExecSyncAsync(string containerId, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken ct)
    {
        Add("ExecSync");
        return runtime.ExecSyncAsync(containerId, cmd, timeout, ct);
    }

    public Task<string> ExecAsync(ExecRequest request, CancellationToken ct)
    {
        Add("Exec");
        return runtime.ExecAsync(request, ct);
    }

    public Task<string> AttachAsync(AttachRequest request, CancellationToken ct)
    {
        Add("Attach");
        return runtime.AttachAsync(request, ct);
    }

    public Task<string> PortForwardAsync(PortForwardRequest request, CancellationToken ct)
    {
        Add("PortForward");
        return runtime.PortForwardAsync(request, ct);
    }

    public Task<IReadOnlyList<Image>> ListImagesAsync(CancellationToken ct)
    {
        Add("ListImages");
        return images.ListImagesAsync(ct);
    }

    public Task<Image?> ImageStatusAsync(ImageSpec image, CancellationToken ct)
    {
        Add("ImageStatus");
        return images.ImageStatusAsync(image, ct);
    }

    public Task<string> PullImageAsync(ImageSpec image, AuthConfig? auth, PodSandboxConfig? sandboxConfig, CancellationToken ct)
    {
        Add("PullImage");
        return images.PullImageAsync(image, auth, sandboxConfig, ct);
    }

    public Task RemoveImageAsync(ImageSpec image, CancellationToken ct)
    {
        Add("RemoveImage");
        return images.RemoveImageAsync(image, ct);
    }

    public Task<ImageFsInfoResponse> ImageFsInfoAsync(CancellationToken ct)
    {
        Add("ImageFsInfo");
        return images.ImageFsInfoAsync(ct);
    }
}
