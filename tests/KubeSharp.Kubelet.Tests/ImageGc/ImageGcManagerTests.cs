using k8s;
using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri.Fake;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.ImageGc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Kubelet.Tests.ImageGc;

/// <summary>Image GC decisions on a fake runtime (every fake image is 1 MiB) and a fake clock and disk.</summary>
public sealed class ImageGcManagerTests
{
    private const long MiB = 1 << 20;
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeRuntime _runtime;
    private readonly Disk _disk = new() { Capacity = 20 * MiB, Available = 15 * MiB };
    private readonly Events _events = new();
    private readonly ImageGcManager _gc;

    public ImageGcManagerTests()
    {
        _runtime = new FakeRuntime(new FakeRuntimeOptions { PodCidr = "10.244.9.0/24" }, _time);
        var policy = new ImageGcPolicy { PinnedImages = ["registry.k8s.io/pause:3.10", "busybox"] };
        _gc = new ImageGcManager(_runtime, _runtime, policy, _disk, _events, new V1ObjectReference { Kind = "Node", Name = "n1", Uid = "n1" },
            _time, NullLogger.Instance);
    }

    [Fact]
    public async Task Below_the_high_threshold_nothing_is_removed()
    {
        _runtime.AddImage("old:1");
        _time.Advance(TimeSpan.FromHours(1));
        _disk.Capacity = 100 * MiB;
        _disk.Available = 16 * MiB;                   // 84 % used
        var result = await _gc.GarbageCollectAsync(None);
        Assert.Equal(84, result.UsagePercent);
        Assert.Empty(result.Removed);
        Assert.NotNull(await _runtime.ImageStatusAsync(new ImageSpec { Image = "old:1" }, None));
    }

    [Fact]
    public async Task Least_recently_used_unused_images_go_first_until_the_low_threshold()
    {
        var old = _runtime.AddImage("old:1");
        var recent = _runtime.AddImage("recent:1");
        var used = _runtime.AddImage("used:1");
        // "recent" was used by a container that is gone now; "used" still has one (exited containers count too).
        var sandbox = await _runtime.RunPodSandboxAsync(Sandbox("p1"), "", None);
        var recentContainer = await _runtime.CreateContainerAsync(sandbox, Container("a", "recent:1"), Sandbox("p1"), None);
        await _runtime.CreateContainerAsync(sandbox, Container("b", "used:1"), Sandbox("p1"), None);
        await _gc.GarbageCollectAsync(None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _runtime.RemoveContainerAsync(recentContainer, None);
        var never = _runtime.AddImage("never-used:1");
        await _gc.GarbageCollectAsync(None);          // age counts from the first detection, as upstream
        _time.Advance(TimeSpan.FromMinutes(2));

        // 18 of 20 MiB used (90 %): back to 80 % means freeing 2 MiB, i.e. two images.
        _disk.Available = 2 * MiB;
        var result = await _gc.GarbageCollectAsync(None);
        Assert.Equal(90, result.UsagePercent);
        Assert.Equal(2 * MiB, result.BytesToFree);
        Assert.Equal(new[] { old, never }.Order(StringComparer.Ordinal), result.Removed.Order(StringComparer.Ordinal));
        Assert.Null(await _runtime.ImageStatusAsync(new ImageSpec { Image = "old:1" }, None));
        Assert.Null(await _runtime.ImageStatusAsync(new ImageSpec { Image = "never-used:1" }, None));
        Assert.NotNull(await _runtime.ImageStatusAsync(new ImageSpec { Image = "recent:1" }, None));
        Assert.NotNull(await _runtime.ImageStatusAsync(new ImageSpec { Image = "used:1" }, None));
        Assert.NotNull(await _runtime.ImageStatusAsync(new ImageSpec { Image = "busybox" }, None));
        Assert.NotNull(await _runtime.ImageStatusAsync(new ImageSpec { Image = "registry.k8s.io/pause:3.10" }, None));
        Assert.Empty(_events.Recorded);
        _ = recent;
        _ = used;
    }

    [Fact]
    public async Task Young_in_use_and_pinned_images_are_kept_and_a_shortfall_is_reported_on_the_node()
    {
        await _gc.GarbageCollectAsync(None);
        _time.Advance(TimeSpan.FromMinutes(10));
        _runtime.AddImage("young:1");                 // first seen at the next detection: too young to delete
        var sandbox = await _runtime.RunPodSandboxAsync(Sandbox("p2"), "", None);
        _runtime.AddImage("used:1");
        await _runtime.CreateContainerAsync(sandbox, Container("c", "used:1"), Sandbox("p2"), None);

        _disk.Available = 1 * MiB;                    // 95 %: 3 MiB to free, nothing eligible
        var result = await _gc.GarbageCollectAsync(None);
        Assert.Empty(result.Removed);
        Assert.Equal(0, result.BytesFreed);
        var (reference, type, reason, message) = Assert.Single(_events.Recorded);
        Assert.Equal(("Node", "n1", "Warning", "FreeDiskSpaceFailed"), (reference.Kind, reference.Name, type, reason));
        Assert.Equal($"Failed to garbage collect required amount of images. Attempted to free {3 * MiB} bytes, but only found 0 bytes eligible to free.", message);

        // Once old enough and unused, the young image goes.
        _time.Advance(TimeSpan.FromMinutes(3));
        result = await _gc.GarbageCollectAsync(None);
        Assert.Single(result.Removed);
        Assert.Null(await _runtime.ImageStatusAsync(new ImageSpec { Image = "young:1" }, None));
    }

    [Theory]
    [InlineData(85, 90, false)]
    [InlineData(101, 80, false)]
    [InlineData(85, 80, true)]
    [InlineData(100, 100, true)]
    public void Thresholds_are_validated(int high, int low, bool valid)
    {
        var policy = new ImageGcPolicy { HighThresholdPercent = high, LowThresholdPercent = low };
        if (valid) policy.Validate();
        else Assert.Throws<ArgumentException>(policy.Validate);
    }

    private static PodSandboxConfig Sandbox(string name) => new()
    {
        Metadata = new PodSandboxMetadata { Name = name, Namespace = "default", Uid = name + "-uid" },
    };

    private static ContainerConfig Container(string name, string image) => new()
    {
        Metadata = new ContainerMetadata { Name = name },
        Image = new ImageSpec { Image = image },
    };

    private sealed class Disk : IFilesystemStats
    {
        public long Capacity { get; set; }
        public long Available { get; set; }
        public (long Capacity, long Available)? Stat(string path) => (Capacity, Available);
    }

    private sealed class Events : IEventRecorder
    {
        public List<(V1ObjectReference Reference, string Type, string Reason, string Message)> Recorded { get; } = [];
        public void Event(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message) =>
            Recorded.Add((new V1ObjectReference { Kind = obj.Kind, Name = obj.Metadata.Name }, type, reason, message));
        public void Event(V1ObjectReference reference, string type, string reason, string message) => Recorded.Add((reference, type, reason, message));
    }
}
