using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Kubelet.ImageGc;

/// <summary>What one collection did.</summary>
public sealed record ImageGcResult(int UsagePercent, long BytesToFree, long BytesFreed, IReadOnlyList<string> Removed);

/// <summary>
/// Deletes unused images when the image filesystem fills up, as upstream's image GC manager does: at or above the
/// high threshold, images no container uses (and not pinned, and first seen at least MinimumAge ago) are removed,
/// least recently used first, until usage would be back at the low threshold. "Used" is tracked across collections:
/// an image in use by any container (running or exited) at a detection is stamped with that time.
/// </summary>
public sealed partial class ImageGcManager(
    IRuntimeService runtime,
    IImageService images,
    ImageGcPolicy policy,
    IFilesystemStats filesystems,
    IEventRecorder? recorder,
    V1ObjectReference nodeRef,
    TimeProvider time,
    ILogger logger)
{
    private sealed class Record
    {
        public required DateTimeOffset FirstDetected { get; init; }
        public DateTimeOffset LastUsed { get; set; }
        public ulong Size { get; set; }
        public bool InUse { get; set; }
        public bool Pinned { get; set; }
    }

    private readonly Dictionary<string, Record> _records = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(policy.Period, time, ct);
                await GarbageCollectAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>One detection and, when usage is at or above the high threshold, one collection.</summary>
    public async Task<ImageGcResult> GarbageCollectAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await DetectImagesAsync(now, ct);
        var fsInfo = await images.ImageFsInfoAsync(ct);
        var mountpoint = fsInfo.ImageFilesystems.FirstOrDefault()?.FsId?.Mountpoint;
        if (string.IsNullOrEmpty(mountpoint) || filesystems.Stat(mountpoint) is not { Capacity: > 0 } stat)
            throw new InvalidOperationException($"cannot read the image filesystem's capacity (mountpoint \"{mountpoint}\")");
        var usage = (int)(100 - stat.Available * 100 / stat.Capacity);
        if (usage < policy.HighThresholdPercent) return new ImageGcResult(usage, 0, 0, []);

        var toFree = stat.Capacity * (100 - policy.LowThresholdPercent) / 100 - stat.Available;
        LogCollecting(logger, usage, policy.HighThresholdPercent, toFree);
        var (freed, removed) = await FreeSpaceAsync(toFree, now, ct);
        if (freed < toFree)
        {
            var message = $"Failed to garbage collect required amount of images. Attempted to free {toFree} bytes, but only found {freed} bytes eligible to free.";
            recorder?.Event(nodeRef, EventTypes.Warning, "FreeDiskSpaceFailed", message);
            LogNotEnough(logger, toFree, freed);
        }
        return new ImageGcResult(usage, toFree, freed, removed);
    }

    /// <summary>
    /// Removes every image that may go (unused, unpinned, old enough), whatever the disk usage: the eviction manager
    /// calls it under disk pressure before evicting pods (upstream's DeleteUnusedImages).
    /// </summary>
    public async Task<long> DeleteUnusedImagesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await DetectImagesAsync(now, ct);
        var (freed, _) = await FreeSpaceAsync(long.MaxValue, now, ct);
        return freed;
    }

    private async Task DetectImagesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var list = await images.ListImagesAsync(ct);
        var idsByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in list)
        {
            foreach (var name in image.RepoTags.Concat(image.RepoDigests)) idsByName[name] = image.Id;
            idsByName[image.Id] = image.Id;
        }
        // Containers in any state hold their image (an exited one can be restarted); so do sandboxes (pause).
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in await runtime.ListContainersAsync(null, ct))
        {
            if (idsByName.TryGetValue(container.ImageRef, out var byRef)) inUse.Add(byRef);
            if (container.Image?.Image is { } name && idsByName.TryGetValue(ImageNames.Normalize(name), out var byName)) inUse.Add(byName);
        }
        var pinned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in policy.PinnedImages)
        {
            if (idsByName.TryGetValue(ImageNames.Normalize(name), out var id)) pinned.Add(id);
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in list)
        {
            present.Add(image.Id);
            if (!_records.TryGetValue(image.Id, out var record))
            {
                record = new Record { FirstDetected = now };
                _records[image.Id] = record;
            }
            record.Size = image.Size;
            record.InUse = inUse.Contains(image.Id);
            record.Pinned = image.Pinned || pinned.Contains(image.Id);
            if (record.InUse) record.LastUsed = now;
        }
        foreach (var gone in _records.Keys.Where(id => !present.Contains(id)).ToList()) _records.Remove(gone);
    }

    private async Task<(long Freed, IReadOnlyList<string> Removed)> FreeSpaceAsync(long toFree, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = _records
            .Where(r => !r.Value.InUse && !r.Value.Pinned && now - r.Value.FirstDetected >= policy.MinimumAge)
            .OrderBy(r => r.Value.LastUsed).ThenBy(r => r.Value.FirstDetected)
            .ToList();
        long freed = 0;
        var removed = new List<string>();
        foreach (var (id, record) in candidates)
        {
            if (freed >= toFree) break;
            try
            {
                await images.RemoveImageAsync(new ImageSpec { Image = id }, ct);
            }
            catch (CriException e)
            {
                // Another image may still free enough; this one is retried at the next collection.
                LogRemoveFailed(logger, id, e.Message);
                continue;
            }
            LogRemoved(logger, id, record.Size);
            _records.Remove(id);
            removed.Add(id);
            freed += (long)record.Size;
        }
        return (freed, removed);
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "Image filesystem at {Usage}% (threshold {High}%): freeing {Bytes} bytes of unused images")]
    private static partial void LogCollecting(ILogger logger, int usage, int high, long bytes);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "Removed unused image {Image} ({Size} bytes)")]
    private static partial void LogRemoved(ILogger logger, string image, ulong size);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Warning, Message = "Could not remove image {Image}: {Error}")]
    private static partial void LogRemoveFailed(ILogger logger, string image, string error);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Warning, Message = "Image GC wanted to free {Wanted} bytes but found only {Freed} bytes of unused images")]
    private static partial void LogNotEnough(ILogger logger, long wanted, long freed);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Warning, Message = "Image garbage collection failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
