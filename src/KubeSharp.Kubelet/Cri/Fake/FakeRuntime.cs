using System.Net;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri.Fake;

/// <summary>
/// An in-memory CRI runtime: sandboxes get addresses from a CIDR, containers run "virtually" on the injected clock,
/// exits, OOM kills and exec results are scripted by the test (or a hollow node). Thread-safe; every call is
/// recorded in <see cref="Calls"/> so tests can assert what the kubelet asked for.
/// </summary>
public sealed partial class FakeRuntime : IRuntimeService, IImageService
{
    private readonly Lock _lock = new();
    private readonly FakeRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SandboxRecord> _sandboxes = [];
    private readonly Dictionary<string, ContainerRecord> _containers = [];
    private readonly List<string> _calls = [];
    private readonly uint _networkBase;
    private readonly uint _networkSize;
    private readonly HashSet<uint> _usedOffsets = [];
    private int _nextId;

    public FakeRuntime(FakeRuntimeOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new FakeRuntimeOptions();
        _time = time ?? TimeProvider.System;
        var parts = _options.PodCidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        var prefix = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _networkSize = prefix >= 32 ? 1u : 1u << (32 - prefix);
        _networkBase = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) & ~(_networkSize - 1);
        foreach (var image in _options.Images) AddImage(image);
    }

    /// <summary>Decides how each started container behaves; called at every StartContainer. Default: runs forever.</summary>
    public Func<FakeContainerInfo, FakeContainerScript>? Script { get; set; }

    /// <summary>Answers ExecSync (probes, preStop hooks). Default: exit 0 with no output.</summary>
    public Func<FakeContainerInfo, IReadOnlyList<string>, ExecSyncResponse>? ExecHandler { get; set; }

    /// <summary>False makes Status report RuntimeReady=false.</summary>
    public bool RuntimeReady { get; set; } = true;

    /// <summary>False makes Status report NetworkReady=false (like containerd before a CNI config exists).</summary>
    public bool NetworkReady { get; set; } = true;

    /// <summary>The pod CIDR last passed to UpdateRuntimeConfig.</summary>
    public string? PodCidr { get; private set; }

    /// <summary>Every call in order, e.g. "RunPodSandbox ns/name", "StopContainer id 30".</summary>
    public IReadOnlyList<string> Calls
    {
        get { lock (_lock) return [.. _calls]; }
    }

    public IReadOnlyList<FakeSandboxInfo> Sandboxes
    {
        get { lock (_lock) return _sandboxes.Values.OrderBy(s => s.Seq).Select(s => s.Snapshot()).ToList(); }
    }

    public IReadOnlyList<FakeContainerInfo> Containers
    {
        get { lock (_lock) return _containers.Values.OrderBy(c => c.Seq).Select(c => c.Snapshot()).ToList(); }
    }

    /// <summary>Every container ever created, removed ones included (in their state at removal), oldest first.</summary>
    public IReadOnlyList<FakeContainerInfo> ContainerHistory
    {
        get { lock (_lock) return _containers.Values.Concat(_removed).OrderBy(c => c.Seq).Select(c => c.Snapshot()).ToList(); }
    }

    /// <summary>All attempts of one container of a pod (by pod name), removed ones included, oldest first.</summary>
    public IReadOnlyList<FakeContainerInfo> HistoryOf(string podName, string containerName) =>
        ContainerHistory.Where(c => c.PodName == podName && c.Name == containerName).ToList();

    /// <summary>The containers of one pod (by pod name) and container name the runtime still has, oldest first.</summary>
    public IReadOnlyList<FakeContainerInfo> ContainersOf(string podName, string containerName) =>
        Containers.Where(c => c.PodName == podName && c.Name == containerName).ToList();

    public Task<VersionResponse> VersionAsync(CancellationToken ct)
    {
        Record("Version");
        return Task.FromResult(new VersionResponse
        {
            Version = "0.1.0",
            RuntimeName = _options.RuntimeName,
            RuntimeVersion = _options.RuntimeVersion,
            RuntimeApiVersion = "v1",
        });
    }

    public Task<RuntimeStatus> StatusAsync(CancellationToken ct)
    {
        var status = new RuntimeStatus();
        status.Conditions.Add(new RuntimeCondition { Type = "RuntimeReady", Status = RuntimeReady, Reason = RuntimeReady ? "" : "FakeRuntimeNotReady" });
        status.Conditions.Add(new RuntimeCondition
        {
            Type = "NetworkReady",
            Status = NetworkReady,
            Reason = NetworkReady ? "" : "NetworkPluginNotReady",
            Message = NetworkReady ? "" : "Network plugin returns error: cni plugin not initialized",
        });
        return Task.FromResult(status);
    }

    public Task UpdateRuntimeConfigAsync(string podCidr, CancellationToken ct)
    {
        Record($"UpdateRuntimeConfig {podCidr}");
        lock (_lock) PodCidr = podCidr;
        return Task.CompletedTask;
    }

    private void Record(string call)
    {
        lock (_lock) _calls.Add(call);
    }

    private string NewId()
    {
        var n = Interlocked.Increment(ref _nextId);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(n))).ToLowerInvariant();
    }

    private static long Nanos(DateTimeOffset? t) => t is { } v ? (v.ToUnixTimeMilliseconds() * 1_000_000) + (v.Ticks % TimeSpan.TicksPerMillisecond * 100) : 0;

    private static bool LabelsMatch(Google.Protobuf.Collections.MapField<string, string> labels,
        Google.Protobuf.Collections.MapField<string, string> selector)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        }
        return true;
    }
}
