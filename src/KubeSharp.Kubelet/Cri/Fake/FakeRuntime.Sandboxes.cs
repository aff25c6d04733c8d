using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri.Fake;

public sealed partial class FakeRuntime
{
    private int _sandboxesInFlight;
    private int _maxSandboxesInFlight;

    /// <summary>How long RunPodSandbox takes on the injected clock (zero by default), to observe start concurrency.</summary>
    public TimeSpan SandboxDelay { get; set; }

    /// <summary>The most RunPodSandbox calls that were in progress at the same time.</summary>
    public int MaxSandboxesInFlight => Volatile.Read(ref _maxSandboxesInFlight);

    public async Task<string> RunPodSandboxAsync(PodSandboxConfig config, string runtimeHandler, CancellationToken ct)
    {
        var inFlight = Interlocked.Increment(ref _sandboxesInFlight);
        try
        {
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxSandboxesInFlight)) && Interlocked.CompareExchange(ref _maxSandboxesInFlight, inFlight, max) != max)
            {
            }
            if (SandboxDelay > TimeSpan.Zero) await Task.Delay(SandboxDelay, _time, ct);
            return CreateSandbox(config, runtimeHandler);
        }
        finally
        {
            Interlocked.Decrement(ref _sandboxesInFlight);
        }
    }

    private string CreateSandbox(PodSandboxConfig config, string runtimeHandler)
    {
        var meta = config.Metadata ?? throw new CriException(CriErrorKind.InvalidArgument, "sandbox config has no metadata");
        lock (_lock)
        {
            _calls.Add($"RunPodSandbox {meta.Namespace}/{meta.Name}");
            foreach (var existing in _sandboxes.Values)
            {
                var m = existing.Config.Metadata;
                if (m.Uid == meta.Uid && m.Attempt == meta.Attempt && m.Name == meta.Name && m.Namespace == meta.Namespace)
                {
                    throw new CriException(CriErrorKind.AlreadyExists, $"sandbox for {meta.Namespace}/{meta.Name} attempt {meta.Attempt} exists");
                }
            }
            var hostNetwork = config.Linux?.SecurityContext?.NamespaceOptions?.Network == NamespaceMode.Node;
            var record = new SandboxRecord
            {
                Id = NewId(),
                Seq = _nextId,
                Config = config.Clone(),
                State = PodSandboxState.SandboxReady,
                CreatedAt = _time.GetUtcNow(),
                RuntimeHandler = runtimeHandler,
                IpOffset = hostNetwork ? null : AllocateOffset(),
            };
            record.Ip = record.IpOffset is { } o ? FormatIp(_networkBase + o) : "";
            _sandboxes[record.Id] = record;
            return record.Id;
        }
    }

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken ct)
    {
        lock (_lock)
        {
            _calls.Add($"StopPodSandbox {podSandboxId}");
            if (!_sandboxes.TryGetValue(podSandboxId, out var sandbox)) return Task.CompletedTask;
            foreach (var c in _containers.Values.Where(c => c.SandboxId == podSandboxId && c.State == ContainerState.ContainerRunning))
            {
                ExitLocked(c, 137, "Error");
            }
            sandbox.State = PodSandboxState.SandboxNotready;
            if (sandbox.IpOffset is { } offset) _usedOffsets.Remove(offset);
            sandbox.IpOffset = null;
        }
        return Task.CompletedTask;
    }

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken ct)
    {
        lock (_lock)
        {
            _calls.Add($"RemovePodSandbox {podSandboxId}");
            if (!_sandboxes.Remove(podSandboxId, out var sandbox)) return Task.CompletedTask;
            if (sandbox.IpOffset is { } offset) _usedOffsets.Remove(offset);
            foreach (var c in _containers.Values.Where(c => c.SandboxId == podSandboxId).ToList())
            {
                c.ExitTimer?.Dispose();
                _containers.Remove(c.Id);
                _removed.Add(c);
            }
        }
        return Task.CompletedTask;
    }

    public Task<PodSandboxStatus?> PodSandboxStatusAsync(string podSandboxId, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_sandboxes.TryGetValue(podSandboxId, out var s)) return Task.FromResult<PodSandboxStatus?>(null);
            var status = new PodSandboxStatus
            {
                Id = s.Id,
                Metadata = s.Config.Metadata.Clone(),
                State = s.State,
                CreatedAt = Nanos(s.CreatedAt),
                Network = new PodSandboxNetworkStatus { Ip = s.State == PodSandboxState.SandboxReady ? s.Ip : "" },
                RuntimeHandler = s.RuntimeHandler,
            };
            status.Labels.Add(s.Config.Labels);
            status.Annotations.Add(s.Config.Annotations);
            return Task.FromResult<PodSandboxStatus?>(status);
        }
    }

    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter, CancellationToken ct)
    {
        lock (_lock)
        {
            var result = new List<PodSandbox>();
            foreach (var s in _sandboxes.Values.OrderBy(s => s.Seq))
            {
                if (filter != null)
                {
                    if (filter.Id.Length > 0 && filter.Id != s.Id) continue;
                    if (filter.State != null && filter.State.State != s.State) continue;
                    if (!LabelsMatch(s.Config.Labels, filter.LabelSelector)) continue;
                }
                var item = new PodSandbox
                {
                    Id = s.Id,
                    Metadata = s.Config.Metadata.Clone(),
                    State = s.State,
                    CreatedAt = Nanos(s.CreatedAt),
                    RuntimeHandler = s.RuntimeHandler,
                };
                item.Labels.Add(s.Config.Labels);
                item.Annotations.Add(s.Config.Annotations);
                result.Add(item);
            }
            return Task.FromResult<IReadOnlyList<PodSandbox>>(result);
        }
    }

    /// <summary>Simulates a sandbox dying underneath the kubelet (its containers die with it).</summary>
    public void KillSandbox(string podSandboxId)
    {
        lock (_lock)
        {
            if (!_sandboxes.TryGetValue(podSandboxId, out var sandbox)) throw new InvalidOperationException($"no sandbox {podSandboxId}");
            foreach (var c in _containers.Values.Where(c => c.SandboxId == podSandboxId && c.State == ContainerState.ContainerRunning))
            {
                ExitLocked(c, 137, "Error");
            }
            sandbox.State = PodSandboxState.SandboxNotready;
        }
    }

    private uint AllocateOffset()
    {
        for (uint offset = 2; offset < _networkSize - 1; offset++)
        {
            if (_usedOffsets.Add(offset)) return offset;
        }
        throw new CriException(CriErrorKind.Unknown, $"no free address left in {_options.PodCidr}");
    }

    private static string FormatIp(uint ip) => $"{ip >> 24}.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255}";

    private sealed class SandboxRecord
    {
        public required string Id { get; init; }
        public required int Seq { get; init; }
        public required PodSandboxConfig Config { get; init; }
        public required PodSandboxState State { get; set; }
        public required DateTimeOffset CreatedAt { get; init; }
        public required string RuntimeHandler { get; init; }
        public uint? IpOffset { get; set; }
        public string Ip { get; set; } = "";

        public FakeSandboxInfo Snapshot() => new(Id, Config, State, Ip, CreatedAt, RuntimeHandler);
    }
}
