using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>The image service as image GC uses it: every removal first clears <see cref="RecentImages"/>.</summary>
internal sealed class ImageRemovalNotifier(IImageService images, RecentImages recent) : IImageService
{
    public Task<IReadOnlyList<Image>> ListImagesAsync(CancellationToken ct) => images.ListImagesAsync(ct);

    public Task<Image?> ImageStatusAsync(ImageSpec image, CancellationToken ct) => images.ImageStatusAsync(image, ct);

    public Task<string> PullImageAsync(ImageSpec image, AuthConfig? auth, PodSandboxConfig? sandboxConfig, CancellationToken ct) =>
        images.PullImageAsync(image, auth, sandboxConfig, ct);

    public async Task RemoveImageAsync(ImageSpec image, CancellationToken ct)
    {
        recent.Clear();
        try
        {
            await images.RemoveImageAsync(image, ct);
        }
        finally
        {
            // A start that read the image as present while the removal ran must not keep that answer either.
            recent.Clear();
        }
    }

    public Task<ImageFsInfoResponse> ImageFsInfoAsync(CancellationToken ct) => images.ImageFsInfoAsync(ct);
}
