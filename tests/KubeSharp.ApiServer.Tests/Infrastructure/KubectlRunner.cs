using System.Diagnostics;

namespace KubeSharp.ApiServer.Tests.Infrastructure;

/// <summary>Runs the real /usr/bin/kubectl against the test server with its own discovery cache.</summary>
public sealed class KubectlRunner(string kubeconfig, string cacheDir)
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public async Task<Result> RunAsync(string arguments, string? stdin = null, int timeoutSeconds = 60)
    {
        var psi = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin != null,
            UseShellExecute = false,
        };
        foreach (var a in SplitArgs(arguments)) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--cache-dir");
        psi.ArgumentList.Add(cacheDir);
        psi.Environment["KUBECONFIG"] = kubeconfig;
        psi.Environment["HOME"] = Path.GetDirectoryName(cacheDir)!;
        using var p = Process.Start(psi)!;
        if (stdin != null)
        {
            await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {arguments} did not finish in {timeoutSeconds}s");
        }
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    public async Task<string> OkAsync(string arguments, string? stdin = null)
    {
        var r = await RunAsync(arguments, stdin);
        Assert.True(r.ExitCode == 0, $"kubectl {arguments} failed: {r}");
        return r.Stdout;
    }

    /// <summary>Splits on spaces, keeping single-quoted parts together (enough for test command lines).</summary>
    private static IEnumerable<string> SplitArgs(string s)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in s)
        {
            if (c == '\'') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted)
            {
                if (current.Length > 0 || any) yield return current.ToString();
                current.Clear();
                any = false;
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0 || any) yield return current.ToString();
    }
}
