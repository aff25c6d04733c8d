using KubeSharp.Kubelet.Eviction;

namespace KubeSharp.Kubelet.Tests.Eviction;

public sealed class CgroupFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgroupfiles-").FullName;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_keyed_file_gives_the_value_of_the_exact_key()
    {
        var stat = Write("memory.stat", "anon 4096\nfile 8192\ninactive_file_extra 1\ninactive_file 12288\nactive_file 0\n");
        Assert.Equal(12288, CgroupFiles.ReadKeyed(stat, "inactive_file"));
        Assert.Equal(4096, CgroupFiles.ReadKeyed(stat, "anon"));
        Assert.Null(CgroupFiles.ReadKeyed(stat, "total_inactive_file"));
        Assert.Null(CgroupFiles.ReadKeyed(stat, "inactive"));
    }

    [Fact]
    public void The_last_line_may_lack_a_newline_and_missing_files_read_as_null()
    {
        Assert.Equal(7, CgroupFiles.ReadKeyed(Write("a", "x 1\ny 7"), "y"));
        Assert.Null(CgroupFiles.ReadKeyed(Path.Combine(_dir, "gone"), "y"));
        Assert.Null(CgroupFiles.ReadNumber(Path.Combine(_dir, "gone")));
    }

    [Fact]
    public void A_number_file_reads_its_value_and_max_is_not_a_number()
    {
        Assert.Equal(123456789012, CgroupFiles.ReadNumber(Write("memory.current", "123456789012\n")));
        Assert.Null(CgroupFiles.ReadNumber(Write("memory.max", "max\n")));
        Assert.Null(CgroupFiles.ReadNumber(Write("empty", "")));
    }

    [Fact]
    public void Kernel_files_read_the_same_as_through_strings()
    {
        // /proc and cgroupfs answer positional reads as regular files do.
        var pidMax = long.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim());
        Assert.Equal(pidMax, CgroupFiles.ReadNumber("/proc/sys/kernel/pid_max"));
        var stat = File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "/sys/fs/cgroup/memory.stat" : "/sys/fs/cgroup/memory/memory.stat";
        var first = File.ReadLines(stat).First().Split(' ');
        Assert.NotNull(CgroupFiles.ReadKeyed(stat, first[0]));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
