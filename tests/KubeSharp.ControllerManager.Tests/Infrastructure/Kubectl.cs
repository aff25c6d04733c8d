using System.Diagnostics;

namespace KubeSharp.ControllerManager.Tests.Infrastructure;

/// <summary>Runs the real /usr/bin/kubectl (the acceptance client) against the test cluster.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDir)
{
    public async Task<string> OkAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.True(code == 0, $"kubectl {string.Join(' ', args)} failed ({code}): {stderr}");
        return stdout;
    }

    /// <summary>Runs kubectl and returns its exit code and output, for commands expected to fail.</summary>
    public async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--cache-dir");
        psi.ArgumentList.Add(cacheDir);
        psi.Environment["KUBECONFIG"] = kubeconfig;
        psi.Environment["HOME"] = Path.GetDirectoryName(cacheDir)!;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish in 60 s");
        }
        return (p.ExitCode, await stdout, await stderr);
    }
}
