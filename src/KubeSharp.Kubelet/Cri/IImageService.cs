using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

/// <summary>The CRI ImageService as the kubelet uses it (see <see cref="IRuntimeService"/> for the conventions).</summary>
public interface IImageService
{
    Task<IReadOnlyList<Image>> ListImagesAsync(CancellationToken ct);
    /// <summary>Null when the image is not present on the node.</summary>
    Task<Image?> ImageStatusAsync(ImageSpec image, CancellationToken ct);
    /// <summary>Returns the image reference (id) of the pulled image.</summary>
    Task<string> PullImageAsync(ImageSpec image, AuthConfig? auth, PodSandboxConfig? sandboxConfig, CancellationToken ct);
    Task RemoveImageAsync(ImageSpec image, CancellationToken ct);
    Task<ImageFsInfoResponse> ImageFsInfoAsync(CancellationToken ct);
}
