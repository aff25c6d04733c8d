using System.Security.Cryptography;
using System.Text;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri.Fake;

public sealed partial class FakeRuntime
{
    private readonly Dictionary<string, Image> _imagesByRef = [];
    private readonly Dictionary<string, string> _pullFailures = [];

    /// <summary>Time a successful PullImage takes on the injected clock (zero by default).</summary>
    public TimeSpan PullDelay { get; set; }

    /// <summary>Makes pulls of <paramref name="image"/> fail with <paramref name="message"/> (null: succeed again).</summary>
    public void SetPullFailure(string image, string? message)
    {
        lock (_lock)
        {
            if (message == null) _pullFailures.Remove(ImageNames.Normalize(image));
            else _pullFailures[ImageNames.Normalize(image)] = message;
        }
    }

    /// <summary>Makes an image present, as if imported; returns its id.</summary>
    public string AddImage(string image)
    {
        var name = ImageNames.Normalize(image);
        lock (_lock)
        {
            if (_imagesByRef.TryGetValue(name, out var existing)) return existing.Id;
            var digest = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();
            var repo = name.Contains('@') ? name[..name.IndexOf('@')] : name[..name.LastIndexOf(':')];
            var record = new Image { Id = digest, Size = 1 << 20, Spec = new ImageSpec { Image = name } };
            record.RepoTags.Add(name);
            record.RepoDigests.Add(repo + "@" + digest);
            _imagesByRef[name] = record;
            _imagesByRef[digest] = record;
            return digest;
        }
    }

    public Task<IReadOnlyList<Image>> ListImagesAsync(CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<Image>>(_imagesByRef.Values.Distinct().Select(i => i.Clone()).ToList());
    }

    public Task<Image?> ImageStatusAsync(ImageSpec image, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_imagesByRef.TryGetValue(ImageNames.Normalize(image.Image), out var found) ? found.Clone() : null);
    }

    public async Task<string> PullImageAsync(ImageSpec image, AuthConfig? auth, PodSandboxConfig? sandboxConfig, CancellationToken ct)
    {
        var name = ImageNames.Normalize(image.Image);
        Record($"PullImage {name}");
        string? failure;
        lock (_lock) _pullFailures.TryGetValue(name, out failure);
        if (failure != null) throw new CriException(CriErrorKind.Unknown, failure);
        if (PullDelay > TimeSpan.Zero) await Task.Delay(PullDelay, _time, ct);
        return AddImage(name);
    }

    public Task RemoveImageAsync(ImageSpec image, CancellationToken ct)
    {
        lock (_lock)
        {
            _calls.Add($"RemoveImage {image.Image}");
            if (_imagesByRef.TryGetValue(ImageNames.Normalize(image.Image), out var found))
            {
                foreach (var key in _imagesByRef.Where(kv => kv.Value == found).Select(kv => kv.Key).ToList()) _imagesByRef.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    public Task<ImageFsInfoResponse> ImageFsInfoAsync(CancellationToken ct)
    {
        var response = new ImageFsInfoResponse();
        ulong used;
        lock (_lock) used = _imagesByRef.Values.Distinct().Aggregate(0UL, (sum, i) => sum + i.Size);
        response.ImageFilesystems.Add(new FilesystemUsage
        {
            Timestamp = Nanos(_time.GetUtcNow()),
            FsId = new FilesystemIdentifier { Mountpoint = _options.ImageFsMountpoint },
            UsedBytes = new UInt64Value { Value = used },
        });
        return Task.FromResult(response);
    }
}
