using System.Runtime.InteropServices;

namespace KubeSharp.Cli;

/// <summary>
/// Runtime settings for the node roles (agent, kubelet, proxy). These run for weeks and work in short bursts (a pod
/// start, a relist, a rule sync), which the runtime's defaults do not suit: they are tuned for busy servers. Measured
/// on the agent (KubeletBench, docs/benchmarks.md): tiered compilation re-compiling hot methods (instrumented, then
/// optimized with PGO) was 60–80 % of the agent's CPU during a 30-pod start burst, and W^X double-mapping of JIT
/// code cost 24 MB of RSS. With the ReadyToRun build of <c>./kubesharp</c>, code is precompiled, so compiling the
/// rest once, fully optimized, is cheaper than tiering.
/// The runtime reads these only from the environment at startup, so a node role re-executes itself once with them
/// set (execve: same PID, same arguments). A variable the user already set is left as it is;
/// <c>KUBESHARP_RUNTIME_TUNING=off</c> turns the whole thing off.
/// </summary>
internal static class NodeRuntimeSettings
{
    private const string Marker = "KUBESHARP_RUNTIME_TUNED";
    private const string Switch = "KUBESHARP_RUNTIME_TUNING";

    private static readonly (string Name, string Value)[] Settings =
    [
        ("DOTNET_TieredCompilation", "0"),
        ("DOTNET_TieredPGO", "0"),
        ("DOTNET_EnableWriteXorExecute", "0"),
        // A 4 MiB first generation instead of one sized to the CPU cache: more frequent, cheaper collections and a
        // smaller resident heap for a process whose allocation rate is low.
        ("DOTNET_GCgen0size", "0x400000"),
    ];

    public static bool AppliesTo(string command) => command is "agent" or "kubelet" or "proxy";

    /// <summary>Replaces the process with itself under the tuned environment; returns only when it does not
    /// (already re-executed, turned off, or execve failed). After the re-execution it says so on stderr, once.</summary>
    public static void ReexecIfNeeded(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Marker) != null)
        {
            var applied = Settings.Select(s => $"{s.Name}={Environment.GetEnvironmentVariable(s.Name)}");
            Console.Error.WriteLine($"kubesharp: node runtime settings: {string.Join(" ", applied)}");
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable(Switch), "off", StringComparison.OrdinalIgnoreCase)) return;
        var host = Environment.ProcessPath;
        var entry = typeof(NodeRuntimeSettings).Assembly.Location;
        if (host == null || !OperatingSystem.IsLinux()) return;

        var argv = new List<string?> { host };
        // Started as `dotnet kubesharp.dll ...` the host needs the application path again; an apphost does not.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            if (string.IsNullOrEmpty(entry)) return;
            argv.Add(entry);
        }
        argv.AddRange(args);
        argv.Add(null);

        var env = new List<string?>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env.Add($"{e.Key}={e.Value}");
        }
        foreach (var (name, value) in Settings)
        {
            if (Environment.GetEnvironmentVariable(name) == null) env.Add($"{name}={value}");
        }
        env.Add($"{Marker}=1");
        env.Add(null);

        Execve(host, [.. argv], [.. env]);
        // Still here: execve failed. Run untuned rather than not at all.
        Console.Error.WriteLine($"kubesharp: could not re-execute with node runtime settings (errno {Marshal.GetLastPInvokeError()}); continuing with defaults");
    }

    // DllImport rather than LibraryImport: LibraryImport's generated marshalling of string arrays needs unsafe code.
    // LPStr is UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static extern int Execve(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
