using k8s.Models;
using KubeSharp.Client.Events;
using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Upstream's image manager: pull per imagePullPolicy (Always, IfNotPresent, Never), with a per pod+image back-off
/// after failures: a failed pull reports ErrImagePull, syncs during the back-off report ImagePullBackOff. Whether an
/// image is present is asked once per <see cref="RecentImages.Ttl"/> when <paramref name="recent"/> is given.
/// </summary>
internal sealed class ImagePuller(IImageService images, IPodObjectSource objects, IEventRecorder recorder, TimeProvider time, RecentImages? recent = null)
{
    private readonly Backoff _backoff = Backoff.ForImages();

    public sealed record Result(string? ImageRef, string? Reason, string? Message, TimeSpan? RetryAfter);

    public async Task<Result> EnsureAsync(V1Pod pod, V1Container container, PodSandboxConfig sandbox, CancellationToken ct)
    {
        var image = container.Image;
        var spec = new ImageSpec { Image = image };
        var present = recent?.Get(image);
        if (present == null)
        {
            present = await images.ImageStatusAsync(spec, ct);
            if (present != null) recent?.Remember(image, present);
        }
        var policy = container.ImagePullPolicy ?? (image.EndsWith(":latest", StringComparison.Ordinal) || !image.Contains(':') ? "Always" : "IfNotPresent");
        if (policy == "Never" || (policy == "IfNotPresent" && present != null))
        {
            if (present != null) return new Result(present.Id, null, null, null);
            var message = $"Container image \"{image}\" is not present with pull policy of Never";
            recorder.Event(pod, EventTypes.Warning, "ErrImageNeverPull", message);
            return new Result(null, "ErrImageNeverPull", message, null);
        }
        var key = pod.Metadata.Uid + "_" + image;
        var now = time.GetUtcNow();
        if (_backoff.IsInBackOffSince(key, LastFailure(key), now))
        {
            var message = $"Back-off pulling image \"{image}\"";
            recorder.Event(pod, EventTypes.Normal, "BackOff", message);
            return new Result(null, "ImagePullBackOff", message, LastFailure(key) + _backoff.Get(key) - now);
        }
        recorder.Event(pod, EventTypes.Normal, "Pulling", $"Pulling image \"{image}\"");
        var started = time.GetTimestamp();
        try
        {
            var auth = await PullSecrets.AuthForAsync(pod, image, objects, ct);
            var imageRef = await images.PullImageAsync(spec, auth, sandbox, ct);
            recorder.Event(pod, EventTypes.Normal, "Pulled", $"Successfully pulled image \"{image}\" in {time.GetElapsedTime(started).TotalMilliseconds:0}ms");
            return new Result(imageRef, null, null, null);
        }
        catch (CriException e)
        {
            lock (_failures) _failures[key] = now;
            var delay = _backoff.Next(key, now);
            var message = $"Failed to pull image \"{image}\": {e.Message}";
            recorder.Event(pod, EventTypes.Warning, "Failed", message);
            return new Result(null, "ErrImagePull", message, delay);
        }
    }

    public void Forget(string podUid) => _backoff.RemovePrefix(podUid + "_");

    private readonly Dictionary<string, DateTimeOffset> _failures = [];

    private DateTimeOffset LastFailure(string key)
    {
        lock (_failures) return _failures.TryGetValue(key, out var at) ? at : DateTimeOffset.MinValue;
    }
}
