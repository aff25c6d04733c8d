using Google.Protobuf;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri.Fake;

public sealed partial class FakeRuntime
{
    private readonly List<ContainerRecord> _removed = [];

    public Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken ct)
    {
        lock (_lock)
        {
            _calls.Add($"CreateContainer {sandboxConfig.Metadata?.Name}/{config.Metadata?.Name}");
            if (!_sandboxes.TryGetValue(podSandboxId, out var sandbox) || sandbox.State != PodSandboxState.SandboxReady)
            {
                throw new CriException(CriErrorKind.NotFound, $"sandbox {podSandboxId} is not ready");
            }
            var image = ImageNames.Normalize(config.Image?.Image ?? "");
            if (!_imagesByRef.TryGetValue(image, out var imageRecord))
            {
                throw new CriException(CriErrorKind.NotFound, $"image \"{config.Image?.Image}\" not found");
            }
            var record = new ContainerRecord
            {
                Id = NewId(),
                Seq = _nextId,
                SandboxId = podSandboxId,
                SandboxMeta = sandbox.Config.Metadata.Clone(),
                Config = config.Clone(),
                ImageId = imageRecord.Id,
                ImageName = imageRecord.RepoTags.FirstOrDefault() ?? image,
                ImageRef = imageRecord.RepoDigests.FirstOrDefault() ?? imageRecord.Id,
                State = ContainerState.ContainerCreated,
                CreatedAt = _time.GetUtcNow(),
            };
            _containers[record.Id] = record;
            return Task.FromResult(record.Id);
        }
    }

    public Task StartContainerAsync(string containerId, CancellationToken ct)
    {
        ContainerRecord record;
        lock (_lock)
        {
            _calls.Add($"StartContainer {containerId}");
            if (!_containers.TryGetValue(containerId, out record!)) throw new CriException(CriErrorKind.NotFound, $"container {containerId} not found");
            if (record.State != ContainerState.ContainerCreated)
            {
                throw new CriException(CriErrorKind.Unknown, $"container {containerId} is in state {record.State}, not created");
            }
            record.State = ContainerState.ContainerRunning;
            record.StartedAt = _time.GetUtcNow();
        }
        // The script runs outside the lock: it may read Containers.
        var script = Script?.Invoke(record.Snapshot()) ?? FakeContainerScript.RunForever;
        lock (_lock)
        {
            record.Script = script;
            if (script.ExitAfter is { } after && record.State == ContainerState.ContainerRunning)
            {
                if (after <= TimeSpan.Zero)
                {
                    ExitLocked(record, script.ExitCode, script.Reason);
                }
                else
                {
                    record.ExitTimer = _time.CreateTimer(_ => ExitContainer(record.Id, script.ExitCode, script.Reason), null, after, Timeout.InfiniteTimeSpan);
                }
            }
        }
        return Task.CompletedTask;
    }

    public async Task StopContainerAsync(string containerId, long timeoutSeconds, CancellationToken ct)
    {
        bool ignores;
        lock (_lock)
        {
            _calls.Add($"StopContainer {containerId} {timeoutSeconds}");
            if (!_containers.TryGetValue(containerId, out var record)) return;
            record.StopTimeoutSeconds = timeoutSeconds;
            if (record.State != ContainerState.ContainerRunning)
            {
                if (record.State == ContainerState.ContainerCreated) ExitLocked(record, 0, "Error");
                return;
            }
            ignores = record.Script.IgnoreSigterm && timeoutSeconds > 0;
            if (!ignores)
            {
                ExitLocked(record, 143, "Error");
                return;
            }
        }
        // Like containerd: SIGTERM, wait up to the timeout for the process to go, then SIGKILL.
        await Task.Delay(TimeSpan.FromSeconds(timeoutSeconds), _time, ct);
        ExitContainer(containerId, 137, "Error");
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken ct)
    {
        lock (_lock)
        {
            _calls.Add($"RemoveContainer {containerId}");
            if (_containers.Remove(containerId, out var record))
            {
                record.ExitTimer?.Dispose();
                _removed.Add(record);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter, CancellationToken ct)
    {
        lock (_lock)
        {
            var result = new List<Container>();
            foreach (var c in _containers.Values.OrderBy(c => c.Seq))
            {
                if (filter != null)
                {
                    if (filter.Id.Length > 0 && filter.Id != c.Id) continue;
                    if (filter.PodSandboxId.Length > 0 && filter.PodSandboxId != c.SandboxId) continue;
                    if (filter.State != null && filter.State.State != c.State) continue;
                    if (!LabelsMatch(c.Config.Labels, filter.LabelSelector)) continue;
                }
                var item = new Container
                {
                    Id = c.Id,
                    PodSandboxId = c.SandboxId,
                    Metadata = c.Config.Metadata.Clone(),
                    Image = c.Config.Image.Clone(),
                    ImageRef = c.ImageRef,
                    ImageId = c.ImageId,
                    State = c.State,
                    CreatedAt = Nanos(c.CreatedAt),
                };
                item.Labels.Add(c.Config.Labels);
                item.Annotations.Add(c.Config.Annotations);
                result.Add(item);
            }
            return Task.FromResult<IReadOnlyList<Container>>(result);
        }
    }

    public Task<ContainerStatus?> ContainerStatusAsync(string containerId, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out var c)) return Task.FromResult<ContainerStatus?>(null);
            var status = new ContainerStatus
            {
                Id = c.Id,
                Metadata = c.Config.Metadata.Clone(),
                State = c.State,
                CreatedAt = Nanos(c.CreatedAt),
                StartedAt = Nanos(c.StartedAt),
                FinishedAt = Nanos(c.FinishedAt),
                ExitCode = c.ExitCode,
                Image = new ImageSpec { Image = c.ImageName },
                ImageRef = c.ImageRef,
                ImageId = c.ImageId,
                Reason = c.Reason,
                LogPath = c.Config.LogPath,
            };
            status.Labels.Add(c.Config.Labels);
            status.Annotations.Add(c.Config.Annotations);
            status.Mounts.Add(c.Config.Mounts);
            return Task.FromResult<ContainerStatus?>(status);
        }
    }

    public Task<ExecSyncResponse> ExecSyncAsync(string containerId, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken ct)
    {
        FakeContainerInfo info;
        lock (_lock)
        {
            _calls.Add($"ExecSync {containerId} {string.Join(' ', cmd)}");
            if (!_containers.TryGetValue(containerId, out var c)) throw new CriException(CriErrorKind.NotFound, $"container {containerId} not found");
            if (c.State != ContainerState.ContainerRunning) throw new CriException(CriErrorKind.Unknown, $"container {containerId} is not running");
            info = c.Snapshot();
        }
        return Task.FromResult(ExecHandler?.Invoke(info, cmd) ?? new ExecSyncResponse { ExitCode = 0, Stdout = ByteString.Empty });
    }

    public Task<string> ExecAsync(ExecRequest request, CancellationToken ct) =>
        Task.FromResult($"http://127.0.0.1:0/exec/fake-{request.ContainerId}");

    public Task<string> AttachAsync(AttachRequest request, CancellationToken ct) =>
        Task.FromResult($"http://127.0.0.1:0/attach/fake-{request.ContainerId}");

    public Task<string> PortForwardAsync(PortForwardRequest request, CancellationToken ct) =>
        Task.FromResult($"http://127.0.0.1:0/portforward/fake-{request.PodSandboxId}");

    /// <summary>Makes a running container exit now, e.g. with 137 and reason "OOMKilled". No-op when it is not running.</summary>
    public void ExitContainer(string containerId, int exitCode, string? reason = null)
    {
        lock (_lock)
        {
            if (_containers.TryGetValue(containerId, out var record) && record.State == ContainerState.ContainerRunning)
            {
                ExitLocked(record, exitCode, reason);
            }
        }
    }

    private void ExitLocked(ContainerRecord record, int exitCode, string? reason)
    {
        record.ExitTimer?.Dispose();
        record.ExitTimer = null;
        record.State = ContainerState.ContainerExited;
        record.FinishedAt = _time.GetUtcNow();
        record.StartedAt ??= record.FinishedAt;
        record.ExitCode = exitCode;
        // containerd's CRI reports these reasons for exits.
        record.Reason = reason ?? (exitCode == 0 ? "Completed" : "Error");
    }

    private sealed class ContainerRecord
    {
        public required string Id { get; init; }
        public required int Seq { get; init; }
        public required string SandboxId { get; init; }
        public required PodSandboxMetadata SandboxMeta { get; init; }
        public required ContainerConfig Config { get; init; }
        public required string ImageId { get; init; }
        /// <summary>The normalized tag, which containerd reports as the status's image.</summary>
        public required string ImageName { get; init; }
        public required string ImageRef { get; init; }
        public required ContainerState State { get; set; }
        public required DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public int ExitCode { get; set; }
        public string Reason { get; set; } = "";
        public long? StopTimeoutSeconds { get; set; }
        public FakeContainerScript Script { get; set; } = FakeContainerScript.RunForever;
        public ITimer? ExitTimer { get; set; }

        public FakeContainerInfo Snapshot() => new(Id, SandboxId, SandboxMeta.Namespace, SandboxMeta.Name, SandboxMeta.Uid,
            Config.Metadata.Name, Config.Metadata.Attempt, Config, State, CreatedAt, StartedAt, FinishedAt, ExitCode, Reason, StopTimeoutSeconds);
    }
}
