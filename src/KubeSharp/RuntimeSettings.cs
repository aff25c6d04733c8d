using System.Runtime.InteropServices;

namespace KubeSharp.Cli;

/// <summary>
/// .NET runtime settings per role. The runtime reads these only from the environment at startup, so a role
/// re-executes itself once with them set (execve: same PID, same arguments). A variable the user already set is left
/// as it is; <c>KUBESHARP_RUNTIME_TUNING=off</c> turns the whole thing off. Measured reasons (docs/benchmarks.md):
/// <list type="bullet">
/// <item>Node roles (agent, kubelet, proxy) run for weeks and work in short bursts (a pod start, a relist, a rule
/// sync). Tiered compilation re-compiling hot methods (instrumented, then optimized with PGO) was 60–80 % of the
/// agent's CPU during a 30-pod start burst, and W^X double-mapping of JIT code cost 24 MB of RSS. With the ReadyToRun
/// build of <c>./kubesharp</c> code is precompiled, so compiling the rest once, fully optimized, is cheaper.</item>
/// <item>Control-plane roles are throughput components, and with the defaults tiering kept re-compiling for tens of
/// seconds after start (40 % of all CPU in a 1,000-pod anti-affinity batch was the tiered-compilation threads).
/// The scheduler compiles everything once, fully optimized, at first call (ReadyToRun code, which tiering off would
/// keep forever, is slower than JIT code: scheduler + API server 3.5 ms per pod against 2.5 ms). The API server and
/// the controller manager must start fast, so they keep ReadyToRun and tiering but skip the instrumented tier and
/// the call-counting delay, and use the server GC (one heap per core, background collections, dynamically sized).</item>
/// <item><c>server</c> runs all of that in one process for a one-node cluster, where a quick start and a small
/// footprint matter more than peak throughput: tiering off with the ReadyToRun code kept, workstation GC.</item>
/// </list>
/// </summary>
internal static class RuntimeSettings
{
    private const string Marker = "KUBESHARP_RUNTIME_TUNED";
    private const string Switch = "KUBESHARP_RUNTIME_TUNING";

    private sealed record Profile(string Label, (string Name, string Value)[] Settings);

    private static readonly Profile Node = new("node",
    [
        ("DOTNET_TieredCompilation", "0"),
        ("DOTNET_TieredPGO", "0"),
        ("DOTNET_EnableWriteXorExecute", "0"),
        // A 2 MiB first generation instead of one sized to the CPU cache, collections that give memory back sooner
        // and no background GC thread: a smaller resident heap for a process whose allocation rate is low (together
        // with MALLOC_ARENA_MAX, 7–10 MB less RSS with 30 pods).
        ("DOTNET_GCgen0size", "0x200000"),
        ("DOTNET_GCConserveMemory", "5"),
        ("DOTNET_gcConcurrent", "0"),
        ("MALLOC_ARENA_MAX", "2"),
        // Idle thread-pool workers spinning (sched_yield) before they sleep were 20 % of the agent's samples during
        // pod starts on 2 busy cores: 40,173 sched_yield calls for 30 pods, 862 without the spinning.
        ("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0"),
    ]);

    // The API server must start fast (ready within 2 s on an empty data dir), so it keeps the ReadyToRun code and
    // tiering, without the instrumented tier and without the 100 ms delay that postpones re-compiling hot methods
    // while startup-like activity goes on: hot paths reach optimized code within the first seconds of load instead
    // of tens of seconds later.
    private static readonly Profile ControlPlane = new("control-plane",
    [
        ("DOTNET_TieredPGO", "0"),
        ("DOTNET_TC_CallCountingDelayMs", "0"),
        ("DOTNET_EnableWriteXorExecute", "0"),
        ("DOTNET_gcServer", "1"),
    ]);

    // The scheduler has no start-time target: everything is compiled once, fully optimized, at first call. It keeps
    // the workstation GC: its heap is the whole cluster's pods, and the server GC's per-core heaps held 12 % more of
    // it (1,079 against 965 MiB with 150,000 pods; the target is 1 GiB).
    private static readonly Profile Scheduler = new("scheduler",
    [
        ("DOTNET_TieredCompilation", "0"),
        ("DOTNET_TieredPGO", "0"),
        ("DOTNET_ReadyToRun", "0"),
        ("DOTNET_EnableWriteXorExecute", "0"),
    ]);

    private static readonly Profile Server = new("server",
    [
        ("DOTNET_TieredCompilation", "0"),
        ("DOTNET_TieredPGO", "0"),
        ("DOTNET_EnableWriteXorExecute", "0"),
    ]);

    // kubesharp-node (Native AOT) has no JIT, and its thread-pool setting is compiled in (src/KubeSharp.Node); only
    // GC sizes must come from the environment, and its parser takes hex digits without "0x". With 100 pods
    // (docs/benchmarks.md): the GC sizes the first generation from the L3 cache (16 MB of garbage before each
    // collection on a 32 MB L3), 86 → 78 MB with 2 MiB; and each generation holds at least one region, 4 MB by
    // default, 60 → 55 MB with 1 MiB regions.
    private static readonly Profile NativeNode = new("native node",
    [
        ("DOTNET_GCgen0size", "200000"),
        ("DOTNET_GCRegionSize", "100000"),
    ]);

    private static Profile? For(string command) => command switch
    {
        "agent" or "kubelet" or "proxy" when !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported => NativeNode,
        "agent" or "kubelet" or "proxy" => Node,
        "apiserver" or "controller-manager" => ControlPlane,
        "scheduler" => Scheduler,
        "server" => Server,
        _ => null,
    };

    public static bool AppliesTo(string command) => For(command) != null;

    /// <summary>Replaces the process with itself under the tuned environment; returns only when it does not
    /// (already re-executed, turned off, or execve failed). After the re-execution it says so on stderr, once.</summary>
    public static void ReexecIfNeeded(string[] args)
    {
        var profile = For(args[0]);
        if (profile == null) return;
        if (Environment.GetEnvironmentVariable(Marker) != null)
        {
            var applied = profile.Settings.Select(s => $"{s.Name}={Environment.GetEnvironmentVariable(s.Name)}");
            Console.Error.WriteLine($"kubesharp: {profile.Label} runtime settings: {string.Join(" ", applied)}");
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable(Switch), "off", StringComparison.OrdinalIgnoreCase)) return;
        var host = Environment.ProcessPath;
        // Under the dotnet host the first argument is the application (kubesharp.dll); Native AOT has no host.
        var entry = Environment.GetCommandLineArgs()[0];
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
        foreach (var (name, value) in profile.Settings)
        {
            if (Environment.GetEnvironmentVariable(name) == null) env.Add($"{name}={value}");
        }
        env.Add($"{Marker}=1");
        env.Add(null);

        Execve(host, [.. argv], [.. env]);
        // Still here: execve failed. Run untuned rather than not at all.
        Console.Error.WriteLine($"kubesharp: could not re-execute with {profile.Label} runtime settings (errno {Marshal.GetLastPInvokeError()}); continuing with defaults");
    }

    // DllImport rather than LibraryImport: LibraryImport's generated marshalling of string arrays needs unsafe code.
    // LPStr is UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static extern int Execve(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
