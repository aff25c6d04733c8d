using System.Text;
using KubeSharp.Kubelet.Volumes;

namespace KubeSharp.Kubelet.Tests.Volumes;

public sealed class AtomicWriterTests : IDisposable
{
    private readonly string _dir = TestDirs.Create("atomic");

    [Fact]
    public void Files_are_reached_through_the_data_link_and_updates_swap_the_whole_set()
    {
        AtomicWriter.Write(_dir, [File("a", "1"), File("sub/b", "2")]);
        Assert.Equal("1", System.IO.File.ReadAllText(Path.Combine(_dir, "a")));
        Assert.Equal("2", System.IO.File.ReadAllText(Path.Combine(_dir, "sub", "b")));
        Assert.Equal("..data/a", new FileInfo(Path.Combine(_dir, "a")).LinkTarget);
        var firstPayload = new FileInfo(Path.Combine(_dir, "..data")).LinkTarget;

        AtomicWriter.Write(_dir, [File("a", "1"), File("sub/b", "2")]);
        Assert.Equal(firstPayload, new FileInfo(Path.Combine(_dir, "..data")).LinkTarget);

        AtomicWriter.Write(_dir, [File("a", "changed")]);
        Assert.Equal("changed", System.IO.File.ReadAllText(Path.Combine(_dir, "a")));
        Assert.False(Directory.Exists(Path.Combine(_dir, "sub")) && new DirectoryInfo(Path.Combine(_dir, "sub")).LinkTarget != null);
        Assert.NotEqual(firstPayload, new FileInfo(Path.Combine(_dir, "..data")).LinkTarget);
        Assert.False(Directory.Exists(Path.Combine(_dir, firstPayload!)));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/abs")]
    [InlineData("..hidden")]
    public void Bad_paths_are_rejected(string path) =>
        Assert.Throws<VolumeException>(() => AtomicWriter.Write(_dir, [File(path, "x")]));

    private static AtomicWriter.FileEntry File(string path, string content) => new(path, Encoding.UTF8.GetBytes(content), 420);

    public void Dispose() => TestDirs.DeleteQuietly(_dir);
}
