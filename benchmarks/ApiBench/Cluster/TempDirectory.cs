namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>A fresh directory under the system temp path, deleted on dispose (one per server data dir).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"apibench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            // A leftover temp dir is not worth failing a benchmark over, but it should not go unnoticed either.
            Console.Error.WriteLine($"warning: could not delete {Path}: {e.Message}");
        }
    }
}
