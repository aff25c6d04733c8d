using System.Diagnostics;

namespace KubeSharp.Testing;

/// <summary>The result of one kubectl run.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real /usr/bin/kubectl (the acceptance client) against a test cluster, with its own cache dir.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDir)
{
    public ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        // Global flags first: anything after "--" (exec's command) must reach the container untouched.
        psi.ArgumentList.Add("--cache-dir");
        psi.ArgumentList.Add(cacheDir);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["KUBECONFIG"] = kubeconfig;
        psi.Environment["HOME"] = Path.GetDirectoryName(cacheDir)!;
        return psi;
    }

    public async Task<KubectlResult> RunAsync(string[] args, string? stdin = null, TimeSpan? timeout = null)
    {
        using var p = Process.Start(StartInfo(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish; stderr so far: {(stderr.IsCompleted ? stderr.Result : "")}");
        }
        return new KubectlResult(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs kubectl and fails the test unless it exits 0; returns stdout.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var r = await RunAsync(args);
        if (r.ExitCode != 0) throw new Xunit.Sdk.XunitException($"kubectl {string.Join(' ', args)} failed ({r.ExitCode}): {r.Stderr}");
        return r.Stdout;
    }
}
