using System.Diagnostics;

namespace KubeSharp.ApiServer.Tests.Cli;

/// <summary>
/// Node and control-plane roles re-execute the CLI once with their runtime settings (src/KubeSharp/RuntimeSettings.cs):
/// the re-executed process must get its role's settings and the original arguments, and the switch must turn it
/// off. A missing kubeconfig gives a short error and exit 1 (no stack trace), which also keeps these runs short.
/// </summary>
public sealed class RoleRuntimeSettingsTests
{
    private static readonly string[] TunedVariables =
    [
        "DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_ReadyToRun", "DOTNET_EnableWriteXorExecute",
        "DOTNET_GCgen0size", "DOTNET_gcServer", "DOTNET_TC_CallCountingDelayMs", "DOTNET_GCConserveMemory", "DOTNET_gcConcurrent", "MALLOC_ARENA_MAX", "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit",
    ];

    [Fact]
    public async Task ProxyReexecutesWithNodeSettingsAndKeepsItsArguments()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var (code, stderr) = await RunAsync(["proxy", "--kubeconfig", missing], tuning: null);

        Assert.Equal(1, code);
        Assert.Contains("kubesharp: node runtime settings: DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0 DOTNET_GCgen0size=0x200000 DOTNET_GCConserveMemory=5 DOTNET_gcConcurrent=0 MALLOC_ARENA_MAX=2 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0", stderr);
        Assert.Contains($"error: kubeconfig file not found at {missing}", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }

    [Fact]
    public async Task SchedulerReexecutesWithItsSettings()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var (code, stderr) = await RunAsync(["scheduler", "--kubeconfig", missing], tuning: null);

        Assert.Equal(1, code);
        Assert.Contains("kubesharp: scheduler runtime settings: DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0", stderr);
        Assert.DoesNotContain("gcServer", stderr);
        Assert.Contains($"error: kubeconfig file not found at {missing}", stderr);
    }

    [Fact]
    public async Task AVariableTheUserSetIsKept()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var (code, stderr) = await RunAsync(["controller-manager", "--kubeconfig", missing], tuning: null, ("DOTNET_gcServer", "0"));

        Assert.Equal(1, code);
        Assert.Contains("kubesharp: control-plane runtime settings: DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 DOTNET_EnableWriteXorExecute=0 DOTNET_gcServer=0", stderr);
    }

    [Fact]
    public async Task TuningOffRunsWithoutReexecuting()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var (code, stderr) = await RunAsync(["proxy", "--kubeconfig", missing], tuning: "off");

        Assert.Equal(1, code);
        Assert.DoesNotContain("runtime settings", stderr);
        Assert.Contains($"error: kubeconfig file not found at {missing}", stderr);
    }

    private static async Task<(int Code, string Stderr)> RunAsync(string[] args, string? tuning, params (string Name, string Value)[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kubesharp.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The test host's own environment must not decide the outcome.
        psi.Environment.Remove("KUBESHARP_RUNTIME_TUNED");
        foreach (var name in TunedVariables) psi.Environment.Remove(name);
        foreach (var (name, value) in extra) psi.Environment[name] = value;
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
