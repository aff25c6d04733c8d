using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

public sealed partial class GrpcCriClient
{
    /// <summary>The CRI version this client speaks (sent in VersionRequest, as upstream's kubelet does).</summary>
    public const string CriApiVersion = "v1";

    public Task<VersionResponse> VersionAsync(CancellationToken ct) =>
        Invoke("Version", () => _runtime.VersionAsync(new VersionRequest { Version = CriApiVersion }, Call(ct)));

    public async Task<RuntimeStatus> StatusAsync(CancellationToken ct) =>
        (await Invoke("Status", () => _runtime.StatusAsync(new StatusRequest(), Call(ct)))).Status ?? new RuntimeStatus();

    public Task UpdateRuntimeConfigAsync(string podCidr, CancellationToken ct) =>
        Invoke("UpdateRuntimeConfig", () => _runtime.UpdateRuntimeConfigAsync(new UpdateRuntimeConfigRequest
        {
            RuntimeConfig = new RuntimeConfig { NetworkConfig = new NetworkConfig { PodCidr = podCidr } },
        }, Call(ct)));

    public async Task<string> RunPodSandboxAsync(PodSandboxConfig config, string runtimeHandler, CancellationToken ct) =>
        (await Invoke("RunPodSandbox", () => _runtime.RunPodSandboxAsync(
            new RunPodSandboxRequest { Config = config, RuntimeHandler = runtimeHandler ?? "" }, Call(ct)))).PodSandboxId;

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken ct) =>
        InvokeIdempotent("StopPodSandbox", () => _runtime.StopPodSandboxAsync(new StopPodSandboxRequest { PodSandboxId = podSandboxId }, Call(ct)));

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken ct) =>
        InvokeIdempotent("RemovePodSandbox", () => _runtime.RemovePodSandboxAsync(new RemovePodSandboxRequest { PodSandboxId = podSandboxId }, Call(ct)));

    public async Task<PodSandboxStatus?> PodSandboxStatusAsync(string podSandboxId, CancellationToken ct) =>
        (await InvokeLookup("PodSandboxStatus", () => _runtime.PodSandboxStatusAsync(
            new PodSandboxStatusRequest { PodSandboxId = podSandboxId }, Call(ct))))?.Status;

    public async Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter, CancellationToken ct) =>
        (await Invoke("ListPodSandbox", () => _runtime.ListPodSandboxAsync(new ListPodSandboxRequest { Filter = filter }, Call(ct)))).Items;

    public async Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken ct) =>
        (await Invoke("CreateContainer", () => _runtime.CreateContainerAsync(new CreateContainerRequest
        {
            PodSandboxId = podSandboxId,
            Config = config,
            SandboxConfig = sandboxConfig,
        }, Call(ct)))).ContainerId;

    public Task StartContainerAsync(string containerId, CancellationToken ct) =>
        Invoke("StartContainer", () => _runtime.StartContainerAsync(new StartContainerRequest { ContainerId = containerId }, Call(ct)));

    public Task StopContainerAsync(string containerId, long timeoutSeconds, CancellationToken ct) =>
        // The runtime waits up to the grace period before SIGKILL: the deadline must outlast it.
        InvokeIdempotent("StopContainer", () => _runtime.StopContainerAsync(
            new StopContainerRequest { ContainerId = containerId, Timeout = timeoutSeconds },
            Call(ct, _options.RequestTimeout + TimeSpan.FromSeconds(Math.Max(0, timeoutSeconds)))));

    public Task RemoveContainerAsync(string containerId, CancellationToken ct) =>
        InvokeIdempotent("RemoveContainer", () => _runtime.RemoveContainerAsync(new RemoveContainerRequest { ContainerId = containerId }, Call(ct)));

    public async Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter, CancellationToken ct) =>
        (await Invoke("ListContainers", () => _runtime.ListContainersAsync(new ListContainersRequest { Filter = filter }, Call(ct)))).Containers;

    public async Task<ContainerStatus?> ContainerStatusAsync(string containerId, CancellationToken ct) =>
        (await InvokeLookup("ContainerStatus", () => _runtime.ContainerStatusAsync(
            new ContainerStatusRequest { ContainerId = containerId }, Call(ct))))?.Status;

    public Task<ExecSyncResponse> ExecSyncAsync(string containerId, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken ct)
    {
        var request = new ExecSyncRequest { ContainerId = containerId, Timeout = (long)Math.Ceiling(Math.Max(0, timeout.TotalSeconds)) };
        request.Cmd.AddRange(cmd);
        // No timeout (0) means the command may run as long as it likes; the runtime enforces a positive one.
        var deadline = timeout > TimeSpan.Zero ? _options.RequestTimeout + timeout : TimeSpan.FromDays(1);
        return Invoke("ExecSync", () => _runtime.ExecSyncAsync(request, Call(ct, deadline)));
    }

    public async Task<string> ExecAsync(ExecRequest request, CancellationToken ct) =>
        (await Invoke("Exec", () => _runtime.ExecAsync(request, Call(ct)))).Url;

    public async Task<string> AttachAsync(AttachRequest request, CancellationToken ct) =>
        (await Invoke("Attach", () => _runtime.AttachAsync(request, Call(ct)))).Url;

    public async Task<string> PortForwardAsync(PortForwardRequest request, CancellationToken ct) =>
        (await Invoke("PortForward", () => _runtime.PortForwardAsync(request, Call(ct)))).Url;
}
