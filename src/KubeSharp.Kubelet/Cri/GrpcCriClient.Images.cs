using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

public sealed partial class GrpcCriClient
{
    public async Task<IReadOnlyList<Image>> ListImagesAsync(CancellationToken ct) =>
        (await Invoke("ListImages", () => _images.ListImagesAsync(new ListImagesRequest(), Call(ct)))).Images;

    public async Task<Image?> ImageStatusAsync(ImageSpec image, CancellationToken ct)
    {
        // containerd answers a missing image with an empty response rather than NotFound; both mean "not present".
        var response = await InvokeLookup("ImageStatus", () => _images.ImageStatusAsync(new ImageStatusRequest { Image = image }, Call(ct)));
        return response?.Image;
    }

    public async Task<string> PullImageAsync(ImageSpec image, AuthConfig? auth, PodSandboxConfig? sandboxConfig, CancellationToken ct) =>
        (await Invoke("PullImage", () => _images.PullImageAsync(
            new PullImageRequest { Image = image, Auth = auth, SandboxConfig = sandboxConfig },
            Call(ct, _options.PullTimeout)))).ImageRef;

    public Task RemoveImageAsync(ImageSpec image, CancellationToken ct) =>
        InvokeIdempotent("RemoveImage", () => _images.RemoveImageAsync(new RemoveImageRequest { Image = image }, Call(ct)));

    public Task<ImageFsInfoResponse> ImageFsInfoAsync(CancellationToken ct) =>
        Invoke("ImageFsInfo", () => _images.ImageFsInfoAsync(new ImageFsInfoRequest(), Call(ct)));
}
