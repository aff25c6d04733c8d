using KubeSharp.Kubelet.Cri.Fake;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Pods;
using Microsoft.Extensions.Time.Testing;

namespace KubeSharp.Kubelet.Tests.Pods;

public sealed class RecentImagesTests
{
    [Fact]
    public void A_present_image_is_reused_until_the_ttl_from_the_runtimes_answer_ends()
    {
        var clock = new FakeTimeProvider();
        var recent = new RecentImages(clock);
        Assert.Null(recent.Get("busybox"));
        recent.Remember("busybox", new Image { Id = "sha256:1" });

        clock.Advance(RecentImages.Ttl - TimeSpan.FromMilliseconds(1));
        Assert.Equal("sha256:1", recent.Get("busybox")?.Id);
        Assert.Null(recent.Get("nginx"));
        // A hit does not extend the answer's life.
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(recent.Get("busybox"));
    }

    [Fact]
    public async Task Removing_any_image_through_the_notifier_forgets_every_answer()
    {
        var clock = new FakeTimeProvider();
        var recent = new RecentImages(clock);
        var runtime = new FakeRuntime();
        runtime.AddImage("old:1");
        recent.Remember("busybox", new Image { Id = "sha256:1" });

        await new ImageRemovalNotifier(runtime, recent).RemoveImageAsync(new ImageSpec { Image = "old:1" }, CancellationToken.None);

        Assert.Null(recent.Get("busybox"));
        Assert.Null(await runtime.ImageStatusAsync(new ImageSpec { Image = "old:1" }, CancellationToken.None));
    }
}
