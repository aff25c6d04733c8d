using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Images the kubelet found present a moment ago (ImageStatus answers), so that a burst of pods with the same image
/// asks the runtime once rather than once per container. An answer is reused for <see cref="Ttl"/> from when the
/// runtime gave it (a hit does not extend it), and all are dropped when this kubelet removes an image (image GC).
/// The one gap is an image removed behind the kubelet's back within that window: the container create then fails
/// with CreateContainerError and the retry asks the runtime again.
/// </summary>
internal sealed class RecentImages(TimeProvider time)
{
    /// <summary>Long enough to cover a burst of pod starts, short enough that an outside removal is noticed soon.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Image Image, DateTimeOffset At)> _present = new(StringComparer.Ordinal);

    /// <summary>The runtime's recent answer that <paramref name="image"/> is present, or null (ask it).</summary>
    public Image? Get(string image)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_present.TryGetValue(image, out var entry)) return null;
            if (now - entry.At < Ttl) return entry.Image;
            _present.Remove(image);
            return null;
        }
    }

    public void Remember(string image, Image present)
    {
        var now = time.GetUtcNow();
        lock (_lock) _present[image] = (present, now);
    }

    /// <summary>An image is being removed: no earlier answer is trusted any more.</summary>
    public void Clear()
    {
        lock (_lock) _present.Clear();
    }
}
