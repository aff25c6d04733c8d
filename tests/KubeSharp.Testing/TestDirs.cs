namespace KubeSharp.Testing;

/// <summary>Per-test temporary directories.</summary>
public static class TestDirs
{
    public static string Create(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteQuietly(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a late reader; the temp dir is cleaned by the OS eventually.
        }
    }
}
