using System.Globalization;

namespace KubeSharp.Benchmarks.ControllerBench;

/// <summary>Command-line settings. Every count and duration has a default so that a bare run is bounded.</summary>
internal sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["rc-scale", "rolling", "endpoints"];

    /// <summary>Scenarios to run, in order.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    /// <summary>Path to kubesharp.dll; when unset the repository's src/KubeSharp is built in Release.</summary>
    public string? ServerDll { get; init; }

    /// <summary>File to append a markdown results table to.</summary>
    public string? Markdown { get; init; }

    /// <summary>Pods per scenario (the RC's target, the Deployment's replicas, the Service's backends).</summary>
    public int Replicas { get; init; } = 1_000;

    /// <summary>Readiness flips timed in the endpoints scenario.</summary>
    public int Flips { get; init; } = 50;

    /// <summary>Concurrent status writers of the fake kubelet.</summary>
    public int KubeletWriters { get; init; } = 8;

    /// <summary>Upper bound on any one scenario; it is cancelled and reported as failed past this.</summary>
    public double ScenarioTimeoutSeconds { get; init; } = 600;

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
            if (arg is "--help" or "-h") throw new ArgumentException("ControllerBench: scenario benchmarks of kubesharp controller-manager");
            if (i + 1 >= args.Length) throw new ArgumentException($"{arg} needs a value");
            var value = args[++i];
            options = arg switch
            {
                "--server" => options with { ServerDll = Path.GetFullPath(value) },
                "--markdown" => options with { Markdown = Path.GetFullPath(value) },
                "--replicas" => options with { Replicas = Int(value) },
                "--flips" => options with { Flips = Int(value) },
                "--kubelet-writers" => options with { KubeletWriters = Int(value) },
                "--scenario-timeout" => options with { ScenarioTimeoutSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {arg}"),
            };
        }
        return scenarios.Count == 0 ? options : options with { Scenarios = scenarios };
    }

    public const string Usage = """
        usage: ControllerBench [all|rc-scale|rolling|endpoints ...] [options]
          --server PATH            kubesharp.dll to run (default: build src/KubeSharp in Release)
          --markdown FILE          append the results table as markdown
          --replicas N             pods per scenario (1000)
          --flips N                timed readiness flips in the endpoints scenario (50)
          --kubelet-writers N      concurrent status writers of the fake kubelet (8)
          --scenario-timeout S     upper bound per scenario (600)
        """;

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
