using System.Text;
using KubeSharp.Kubelet.Logs;

namespace KubeSharp.Kubelet.Tests.Logs;

public sealed class CriLogReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubesharp-logs-").FullName;
    private static readonly Func<CancellationToken, Task<bool>> Stopped = _ => Task.FromResult(false);

    private const string Sample =
        "2026-11-27T10:00:00.000000001Z stdout F one\n" +
        "2026-11-27T10:00:01.000000002Z stderr F two\n" +
        "2026-11-27T10:00:02.000000003Z stdout P thr\n" +
        "2026-11-27T10:00:02.000000004Z stdout F ee\n" +
        "2026-11-27T10:00:03.000000005Z stdout F four\n";

    private string Write(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<string> ReadAsync(string path, LogOptions options)
    {
        var output = new MemoryStream();
        await new CriLogReader(TimeProvider.System).CopyAsync(path, options, output, Stopped, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData(null, "one\ntwo\nthree\nfour\n")]
    [InlineData(0L, "")]
    [InlineData(1L, "four\n")]
    [InlineData(2L, "three\nfour\n")] // the partial records of "three" count as one line
    [InlineData(10L, "one\ntwo\nthree\nfour\n")]
    public async Task Content_joins_partial_records_and_tails_whole_lines(long? tail, string expected)
    {
        Assert.Equal(expected, await ReadAsync(Write(Sample), new LogOptions { TailLines = tail }));
    }

    [Fact]
    public async Task Timestamps_prefix_the_final_record_time()
    {
        var text = await ReadAsync(Write(Sample), new LogOptions { Timestamps = true, TailLines = 2 });
        Assert.Equal("2026-11-27T10:00:02.000000004Z three\n2026-11-27T10:00:03.000000005Z four\n", text);
    }

    [Fact]
    public async Task Since_drops_older_lines_and_limit_bytes_cuts_the_output()
    {
        Assert.Equal("two\nthree\nfour\n", await ReadAsync(Write(Sample), new LogOptions { Since = DateTimeOffset.Parse("2026-11-27T10:00:00.5Z") }));
        Assert.Equal("one\ntw", await ReadAsync(Write(Sample), new LogOptions { LimitBytes = 6 }));
    }

    [Fact]
    public async Task Malformed_lines_are_skipped()
    {
        var path = Write("garbage\n2026-11-27T10:00:00Z stdout F ok\nnot a time stdout F x\n");
        Assert.Equal("ok\n", await ReadAsync(path, new LogOptions()));
    }

    [Fact]
    public async Task Follow_streams_lines_appended_while_the_container_runs()
    {
        var path = Write("2026-11-27T10:00:00Z stdout F first\n");
        var running = true;
        var output = new MemoryStream();
        var follow = new CriLogReader(TimeProvider.System).CopyAsync(path, new LogOptions { Follow = true }, output,
            _ => Task.FromResult(Volatile.Read(ref running)), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(follow.IsCompleted);
        await File.AppendAllTextAsync(path, "2026-11-27T10:00:01Z stdout P sec\n2026-11-27T10:00:01Z stdout F ond\n");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Encoding.UTF8.GetString(output.ToArray()).Contains("second") && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal("first\nsecond\n", Encoding.UTF8.GetString(output.ToArray()));
        // The container stops after writing a last line: the follow drains it and ends.
        await File.AppendAllTextAsync(path, "2026-11-27T10:00:02Z stdout F last\n");
        Volatile.Write(ref running, false);
        await follow.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("first\nsecond\nlast\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
