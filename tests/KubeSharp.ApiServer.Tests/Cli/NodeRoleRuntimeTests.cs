using System.Diagnostics;

namespace KubeSharp.ApiServer.Tests.Cli;

/// <summary>
/// Node roles re-execute the CLI once with their runtime settings (src/KubeSharp/NodeRuntimeSettings.cs): the
/// re-executed process must get the settings and the original arguments, and the switch must turn it off. A
/// missing kubeconfig gives a short error and exit 1 (no stack trace), which also keeps these runs short.
/// </summary>
public sealed class NodeRoleRuntimeTests
{
    [Fact]
    public async Task ProxyReexecutesWithNodeSettingsAndKeepsItsArguments()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var (code, stderr) = await RunAsync(["proxy", "--kubeconfig", missing], tuning: null);

        Assert.Equal(1, code);
        Assert.Contains("kubesharp: node runtime settings: DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0 DOTNET_GCgen0size=0x400000", stderr);
        Assert.Contains($"error: kubeconfig file not found at {missing}", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }

    [Fact]
    public async Task TuningOffRunsWithoutReexecuting()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var (code, stderr) = await RunAsync(["proxy", "--kubeconfig", missing], tuning: "off");

        Assert.Equal(1, code);
        Assert.DoesNotContain("node runtime settings", stderr);
        Assert.Contains($"error: kubeconfig file not found at {missing}", stderr);
    }

    private static async Task<(int Code, string Stderr)> RunAsync(string[] args, string? tuning)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kubesharp.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The test host's own environment must not decide the outcome.
        psi.Environment.Remove("KUBESHARP_RUNTIME_TUNED");
        psi.Environment.Remove("DOTNET_TieredCompilation");
        psi.Environment.Remove("DOTNET_TieredPGO");
        psi.Environment.Remove("DOTNET_EnableWriteXorExecute");
        psi.Environment.Remove("DOTNET_GCgen0size");
        if (tuning == null) psi.Environment.Remove("KUBESHARP_RUNTIME_TUNING");
        else psi.Environment["KUBESHARP_RUNTIME_TUNING"] = tuning;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        await stdout;
        return (p.ExitCode, await stderr);
    }
}
