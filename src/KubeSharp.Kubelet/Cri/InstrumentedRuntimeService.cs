using System.Collections.Concurrent;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

/// <summary>
/// Counts every CRI call by operation type, named as upstream's instrumented runtime and image services name them
/// for kubelet_runtime_operations_total ("list_containers", "podsandbox_status", ...). Each call is a round trip that costs the runtime CPU too, so the counts are
/// how the kubelet's overhead on the runtime is measured and kept from regressing. Thread-safe; adds one
/// dictionary update per call.
/// </summary>
public sealed class InstrumentedRuntimeService(IRuntimeService runtime, IImageService images) : IRuntimeService, IImageService
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls so far by operation type (e.g. "list_containers"); operations never called are absent.</summary>
    public IReadOnlyDictionary<string, long> Operations => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Calls of one operation so far.</summary>
    public long Count(string operation) => _counts.GetValueOrDefault(operation);

    /// <summary>The counts in the Prometheus text format, as upstream's /metrics shows them.</summary>
    public static string ToPrometheus(IReadOnlyDictionary<string, long> operations)
    {
        var text = new System.Text.StringBuilder()
            .Append("# HELP kubelet_runtime_operations_total [ALPHA] Cumulative number of runtime operations by operation type.\n")
            .Append("# TYPE kubelet_runtime_operations_total counter\n");
        foreach (var (operation, count) in operations)
        {
            text.Append("kubelet_runtime_operations_total{operation_type=\"").Append(operation).Append("\"} ")
                .Append(count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private void Add(string operation) => _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    public Task<VersionResponse> VersionAsync(CancellationToken ct)
    {
        Add("version");
        return runtime.VersionAsync(ct);
    }

    public Task<RuntimeStatus> StatusAsync(CancellationToken ct)
    {
        Add("status");
        return runtime.StatusAsync(ct);
    }

    public Task UpdateRuntimeConfigAsync(string podCidr, CancellationToken ct)
    {
        Add("update_runtime_config");
        return runtime.UpdateRuntimeConfigAsync(podCidr, ct);
    }

    public Task<string> RunPodSandboxAsync(PodSandboxConfig config, string runtimeHandler, CancellationToken ct)
    {
        Add("run_podsandbox");
        return runtime.RunPodSandboxAsync(config, runtimeHandler, ct);
    }

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken ct)
    {
        Add("stop_podsandbox");
        return runtime.StopPodSandboxAsync(podSandboxId, ct);
    }

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken ct)
    {
        Add("remove_podsandbox");
        return runtime.RemovePodSandboxAsync(podSandboxId, ct);
    }

    public Task<PodSandboxStatus?> PodSandboxStatusAsync(string podSandboxId, CancellationToken ct)
    {
        Add("podsandbox_status");
        return runtime.PodSandboxStatusAsync(podSandboxId, ct);
    }

    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter, CancellationToken ct)
    {
        Add("list_podsandbox");
        return runtime.ListPodSandboxAsync(filter, ct);
    }

    public Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken ct)
    {
        Add("create_container");
        return runtime.CreateContainerAsync(podSandboxId, config, sandboxConfig, ct);
    }

    public Task StartContainerAsync(string containerId, CancellationToken ct)
    {
        Add("start_container");
        return runtime.StartContainerAsync(containerId, ct);
    }

    public Task StopContainerAsync(string containerId, long timeoutSeconds, CancellationToken ct)
    {
        Add("stop_container");
        return runtime.StopContainerAsync(containerId, timeoutSeconds, ct);
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken ct)
    {
        Add("remove_container");
        return runtime.RemoveContainerAsync(containerId, ct);
    }

    public Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter, CancellationToken ct)
    {
        Add("list_containers");
        return runtime.ListContainersAsync(filter, ct);
    }

    public Task<ContainerStatus?> ContainerStatusAsync(string containerId, CancellationToken ct)
    {
        Add("container_status");
        return runtime.ContainerStatusAsync(containerId, ct);
    }

    public Task<ExecSyncResponse> ExecSyncAsync(string containerId, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken ct)
    {
        Add("exec_sync");
        return runtime.ExecSyncAsync(containerId, cmd, timeout, ct);
    }

    public Task<string> ExecAsync(ExecRequest request, CancellationToken ct)
    {
        Add("exec");
        return runtime.ExecAsync(request, ct);
    }

    public Task<string> AttachAsync(AttachRequest request, CancellationToken ct)
    {
        Add("attach");
        return runtime.AttachAsync(request, ct);
    }

    public Task<string> PortForwardAsync(PortForwardRequest request, CancellationToken ct)
    {
        Add("port_forward");
        return runtime.PortForwardAsync(request, ct);
    }

    public Task<IReadOnlyList<Image>> ListImagesAsync(CancellationToken ct)
    {
        Add("list_images");
        return images.ListImagesAsync(ct);
    }

    public Task<Image?> ImageStatusAsync(ImageSpec image, CancellationToken ct)
    {
        Add("image_status");
        return images.ImageStatusAsync(image, ct);
    }

    public Task<string> PullImageAsync(ImageSpec image, AuthConfig? auth, PodSandboxConfig? sandboxConfig, CancellationToken ct)
    {
        Add("pull_image");
        return images.PullImageAsync(image, auth, sandboxConfig, ct);
    }

    public Task RemoveImageAsync(ImageSpec image, CancellationToken ct)
    {
        Add("remove_image");
        return images.RemoveImageAsync(image, ct);
    }

    public Task<ImageFsInfoResponse> ImageFsInfoAsync(CancellationToken ct)
    {
        Add("image_fs_info");
        return images.ImageFsInfoAsync(ct);
    }
}
