using System.Globalization;

namespace KubeSharp.Benchmarks.SchedulerBench;

/// <summary>Command-line settings. Every count has a default so that a bare run is bounded.</summary>
internal sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["basic", "anti-affinity", "memory"];

    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    /// <summary>Path to kubesharp.dll; when unset the repository's src/KubeSharp is built in Release.</summary>
    public string? ServerDll { get; init; }

    /// <summary>File to append a markdown results table to.</summary>
    public string? Markdown { get; init; }

    /// <summary>Concurrent clients creating nodes and pods (over HTTP/2, as ApiBench's create scenario).</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Nodes of the basic scenario (upstream SchedulingBasic 5000Nodes_10000Pods).</summary>
    public int BasicNodes { get; init; } = 5_000;

    /// <summary>Pods scheduled before the measurement starts (upstream's initPods: 1000).</summary>
    public int BasicInitPods { get; init; } = 1_000;

    /// <summary>Pods measured in the basic scenario (upstream's measurePods: 10000).</summary>
    public int BasicPods { get; init; } = 10_000;

    /// <summary>Nodes of the anti-affinity scenario.</summary>
    public int AntiAffinityNodes { get; init; } = 1_000;

    /// <summary>Anti-affinity pods placed before the measurement (upstream 500Nodes shape: 100 of 500).</summary>
    public int AntiAffinityInitPods { get; init; } = 200;

    /// <summary>Anti-affinity pods measured; init + measured = nodes fills every node once, as upstream.</summary>
    public int AntiAffinityPods { get; init; } = 800;

    /// <summary>Nodes of the memory scenario.</summary>
    public int MemoryNodes { get; init; } = 5_000;

    /// <summary>Pods already bound (spec.nodeName set at create) when the scheduler starts in the memory scenario.</summary>
    public int MemoryPods { get; init; } = 150_000;

    /// <summary>Pods the scheduler itself binds after loading the memory scenario's pods (proves the cache is live).</summary>
    public int MemoryScheduledPods { get; init; } = 1_000;

    /// <summary>Upper bound on any one scenario; it is cancelled and reported as failed past this.</summary>
    public double ScenarioTimeoutSeconds { get; init; } = 900;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var scenarios = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg == "all") scenarios.AddRange(AllScenarios);
                else if (AllScenarios.Contains(arg)) scenarios.Add(arg);
                else throw new ArgumentException($"unknown scenario '{arg}'; expected one of: all, {string.Join(", ", AllScenarios)}");
                continue;
            }
            if (arg is "--help" or "-h") throw new ArgumentException("SchedulerBench: scheduler throughput and memory through a real kubesharp apiserver");
            if (i + 1 >= args.Length) throw new ArgumentException($"{arg} needs a value");
            var value = args[++i];
            options = arg switch
            {
                "--server" => options with { ServerDll = Path.GetFullPath(value) },
                "--markdown" => options with { Markdown = Path.GetFullPath(value) },
                "--clients" => options with { Clients = Int(value) },
                "--basic-nodes" => options with { BasicNodes = Int(value) },
                "--basic-init-pods" => options with { BasicInitPods = Int(value) },
                "--basic-pods" => options with { BasicPods = Int(value) },
                "--anti-affinity-nodes" => options with { AntiAffinityNodes = Int(value) },
                "--anti-affinity-init-pods" => options with { AntiAffinityInitPods = Int(value) },
                "--anti-affinity-pods" => options with { AntiAffinityPods = Int(value) },
                "--memory-nodes" => options with { MemoryNodes = Int(value) },
                "--memory-pods" => options with { MemoryPods = Int(value) },
                "--memory-scheduled-pods" => options with { MemoryScheduledPods = Int(value) },
                "--scenario-timeout" => options with { ScenarioTimeoutSeconds = Double(value) },
                _ => throw new ArgumentException($"unknown option {arg}"),
            };
        }
        return scenarios.Count == 0 ? options : options with { Scenarios = scenarios };
    }

    public const string Usage = """
        usage: SchedulerBench [all|basic|anti-affinity|memory ...] [options]
          --server PATH                 kubesharp.dll to run (default: build src/KubeSharp in Release)
          --markdown FILE               append the results table as markdown
          --clients N                   concurrent clients creating nodes and pods (32)
          --basic-nodes N               nodes in basic (5000)
          --basic-init-pods N           pods scheduled before measuring in basic (1000)
          --basic-pods N                pods measured in basic (10000)
          --anti-affinity-nodes N       nodes in anti-affinity (1000)
          --anti-affinity-init-pods N   anti-affinity pods placed before measuring (200)
          --anti-affinity-pods N        anti-affinity pods measured (800)
          --memory-nodes N              nodes in memory (5000)
          --memory-pods N               pre-bound pods loaded into the scheduler's cache (150000)
          --memory-scheduled-pods N     pods the scheduler binds on top (1000)
          --scenario-timeout S          upper bound per scenario (900)
        """;

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static double Double(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
