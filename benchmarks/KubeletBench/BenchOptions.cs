namespace KubeSharp.Benchmarks.KubeletBench;

internal sealed record BenchOptions
{
    public int SingleRuns { get; init; } = 5;
    public int BurstPods { get; init; } = 30;
    /// <summary>Bursts per path: one burst's time varies by ±20 % with the runtime's mood, so medians are compared.</summary>
    public int Bursts { get; init; } = 3;
    /// <summary>Unmeasured bursts before the measured ones, on both paths (to tell warm-up effects from the rest).</summary>
    public int WarmupBursts { get; init; }
    public int RestPods { get; init; } = 100;
    public int RestSeconds { get; init; } = 30;
    public string CriPodCidr { get; init; } = "10.231.0.0/24";
    public string KubeletPodCidr { get; init; } = "10.232.0.0/24";
    /// <summary>kubesharp.dll (run with dotnet) or a native kubesharp-node binary; built when not given.</summary>
    public string? Cli { get; init; }
    /// <summary>Which build runs the agent when --cli is not given: "aot" (kubesharp-node) or "jit" (kubesharp.dll).</summary>
    public string Build { get; init; } = "aot";
    public string? Markdown { get; init; }
    /// <summary>Extra environment of the agent process only (NAME=VALUE), e.g. runtime settings to compare.</summary>
    public IReadOnlyList<string> AgentEnv { get; init; } = [];
    /// <summary>Extra arguments of the agent command (e.g. --max-parallel-pod-starts 2), after the benchmark's own.</summary>
    public IReadOnlyList<string> AgentArgs { get; init; } = [];
    /// <summary>Where to keep the agent's log (the agent's directory is removed at the end).</summary>
    public string? AgentLog { get; init; }
    /// <summary>Seconds to wait with the pods running after the at-rest figures (to inspect the agent by hand).</summary>
    public int HoldSeconds { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--single-runs" => o with { SingleRuns = int.Parse(Next()) },
                "--burst-pods" => o with { BurstPods = int.Parse(Next()) },
                "--bursts" => o with { Bursts = int.Parse(Next()) },
                "--warmup-bursts" => o with { WarmupBursts = int.Parse(Next()) },
                "--rest-pods" => o with { RestPods = int.Parse(Next()) },
                "--rest-seconds" => o with { RestSeconds = int.Parse(Next()) },
                "--cri-pod-cidr" => o with { CriPodCidr = Next() },
                "--kubelet-pod-cidr" => o with { KubeletPodCidr = Next() },
                "--cli" => o with { Cli = Next() },
                "--build" => o with { Build = Next() },
                "--markdown" => o with { Markdown = Next() },
                "--agent-env" => o with { AgentEnv = [.. o.AgentEnv, Next()] },
                "--agent-arg" => o with { AgentArgs = [.. o.AgentArgs, Next()] },
                "--agent-log" => o with { AgentLog = Path.GetFullPath(Next()) },
                "--hold-seconds" => o with { HoldSeconds = int.Parse(Next()) },
                _ => throw new ArgumentException($"unknown argument {args[i]}; see docs/benchmarks.md"),
            };
        }
        if (o.Build is not ("aot" or "jit")) throw new ArgumentException("--build takes aot or jit");
        if (o.AgentEnv.Any(e => e.IndexOf('=') < 1)) throw new ArgumentException("--agent-env takes NAME=VALUE");
        if (o.SingleRuns < 1 || o.BurstPods < 1 || o.Bursts < 1 || o.WarmupBursts < 0 || o.RestPods < 0 || o.RestSeconds < 1 || o.RestPods > 250)
            throw new ArgumentException("counts must be positive (rest pods at most 250: one /24 of pod IPs)");
        return o;
    }
}
