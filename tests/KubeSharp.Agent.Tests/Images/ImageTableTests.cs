using KubeSharp.Agent.Images;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Agent.Tests.Images;

public sealed class ImageTableTests
{
    [Fact]
    public void One_row_per_tag_sorted_with_short_ids_and_decimal_sizes()
    {
        var busybox = new Image { Id = "sha256:0123456789abcdef0123", Size = 1_023_456 };
        busybox.RepoTags.Add("docker.io/library/busybox:latest");
        var pause = new Image { Id = "sha256:fedcba9876543210fedc", Size = 812 };
        pause.RepoTags.Add("registry.k8s.io/pause:3.10");
        var untagged = new Image { Id = "sha256:aaaaaaaaaaaaaaaaaaaa", Size = 2_500_000_000 };
        untagged.RepoDigests.Add("localhost:5000/app@sha256:bbbb");

        var lines = ImageTable.Format([pause, busybox, untagged]).TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^IMAGE\s+TAG\s+IMAGE ID\s+SIZE$", lines[0]);
        Assert.Matches(@"^docker\.io/library/busybox\s+latest\s+0123456789abc\s+1\.02MB$", lines[1]);
        Assert.Matches(@"^localhost:5000/app\s+<none>\s+aaaaaaaaaaaaa\s+2\.5GB$", lines[2]);
        Assert.Matches(@"^registry\.k8s\.io/pause\s+3\.10\s+fedcba9876543\s+812B$", lines[3]);
        // Columns line up.
        Assert.Equal(lines[0].IndexOf("TAG", StringComparison.Ordinal), lines[1].IndexOf("latest", StringComparison.Ordinal));
    }
}
