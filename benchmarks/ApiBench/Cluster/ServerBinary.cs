using System.Diagnostics;

namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>Finds the kubesharp.dll to benchmark: the one given, or a fresh Release build of this repository's.</summary>
internal static class ServerBinary
{
    public static async Task<string> ResolveAsync(string? given, CancellationToken cancellationToken)
    {
        if (given != null)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"server not found: {given}");
        }

        var root = FindRepositoryRoot()
            ?? throw new InvalidOperationException("not inside the KubeSharp repository; pass --server path/to/kubesharp.dll");
        var output = Path.Combine(root, "artifacts", "apibench-server");
        Console.WriteLine($"building {Path.Combine(root, "src", "KubeSharp")} (Release) into {output} ...");
        var build = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", Path.Combine(root, "src", "KubeSharp"), "-c", "Release", "-o", output, "-nologo", "-v", "q" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(build) ?? throw new InvalidOperationException("could not start dotnet build");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"server build failed:\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "kubesharp.dll");
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KubeSharp.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
