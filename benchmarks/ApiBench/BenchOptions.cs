using System.Globalization;

namespace KubeSharp.Benchmarks.ApiBench;

/// <summary>Command-line settings. Every count and duration has a default so that a bare run is bounded.</summary>
internal sealed record BenchOptions
{
    public static readonly string[] AllScenarios = ["startup", "create", "get", "list", "watch", "memory"];

    /// <summary>Scenarios to run, in order.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    /// <summary>Path to kubesharp.dll; when unset the repository's src/KubeSharp is built in Release.</summary>
    public string? ServerDll { get; init; }

    /// <summary>File to append a markdown results table to.</summary>
    public string? Markdown { get; init; }

    /// <summary>Concurrent client tasks for create, get and the bulk pre-creates.</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Duration of the create scenario.</summary>
    public double CreateSeconds { get; init; } = 20;

    /// <summary>Duration of the get scenario.</summary>
    public double GetSeconds { get; init; } = 10;

    /// <summary>Fresh server starts in the startup scenario (median reported).</summary>
    public int StartupRuns { get; init; } = 5;

    /// <summary>Pods created before the list scenario's timed LISTs.</summary>
    public int ListPods { get; init; } = 10_000;

    /// <summary>Timed full LISTs; with 100 or more, p99 is not simply the slowest one.</summary>
    public int ListRepeats { get; init; } = 100;

    /// <summary>Concurrent watchers in the watch scenario.</summary>
    public int Watchers { get; init; } = 1_000;

    /// <summary>HTTP connections the watchers are spread over (each is one SocketsHttpHandler).</summary>
    public int WatchConnections { get; init; } = 8;

    /// <summary>Pods created one at a time while the watchers listen.</summary>
    public int WatchEvents { get; init; } = 50;

    /// <summary>Spacing between those creates.</summary>
    public int WatchIntervalMs { get; init; } = 100;

    /// <summary>Pods created in the memory scenario.</summary>
    public int MemoryPods { get; init; } = 100_000;

    /// <summary>Upper bound on any one scenario; it is cancelled and reported as failed past this.</summary>
    public double ScenarioTimeoutSeconds { get; init; } = 900;

    /// <summary>After the create scenario, SIGKILL the server, restart it and check every acknowledged pod is there.</summary>
    public bool VerifyDurability { get; init; } = true;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var scenarios = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg == "all")
                {
                    scenarios.AddRange(AllScenarios);
                }
                else if (AllScenarios.Contains(arg))
                {
                    scenarios.Add(arg);
                }
                else
                {
                    throw new ArgumentException($"unknown scenario '{arg}'; expected one of: all, {string.Join(", ", AllScenarios)}");
                }
                continue;
            }

            if (arg is "--help" or "-h")
            {
                throw new ArgumentException("ApiBench: scenario benchmarks of kubesharp apiserver");
            }

            if (arg == "--no-verify")
            {
                options = options with { VerifyDurability = false };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{arg} needs a value");
            }
            var value = args[++i];
            options = arg switch
            {
                "--server" => options with { ServerDll = Path.GetFullPath(value) },
                "--markdown" => options with { Markdown = Path.GetFullPath(value) },
                "--clients" => options with { Clients = Int(value) },
                "--seconds" => options with { CreateSeconds = Double(value) },
                "--get-seconds" => options with { GetSeconds = Double(value) },
                "--startup-runs" => options with { StartupRuns = Int(value) },
                "--list-pods" => options with { ListPods = Int(value) },
                "--list-repeats" => options with { ListRepeats = Int(value) },
                "--watchers" => options with { Watchers = Int(value) },
                "--watch-connections" => options with { WatchConnections = Int(value) },
                "--watch-events" => options with { WatchEvents = Int(value) },
                "--watch-interval-ms" => options with { WatchIntervalMs = Int(value) },
                "--memory-pods" => options with { MemoryPods = Int(value) },
                "--scenario-timeout" => options with { ScenarioTimeoutSeconds = Double(value) },
                _ => throw new ArgumentException($"unknown option {arg}"),
            };
        }

        return scenarios.Count == 0 ? options : options with { Scenarios = scenarios };
    }

    public const string Usage = """
        usage: ApiBench [all|startup|create|get|list|watch|memory ...] [options]
          --server PATH            kubesharp.dll to run (default: build src/KubeSharp in Release)
          --markdown FILE          append the results table as markdown
          --clients N              concurrent clients for create/get/bulk creates (32)
          --seconds S              create scenario duration (20)
          --get-seconds S          get scenario duration (10)
          --startup-runs N         fresh starts, median reported (5)
          --list-pods N            pods created before listing (10000)
          --list-repeats N         timed full LISTs (100)
          --watchers N             concurrent watchers (1000)
          --watch-connections N    connections the watchers are spread over (8)
          --watch-events N         pods created while watching (50)
          --watch-interval-ms N    spacing of those creates (100)
          --memory-pods N          pods created for the memory figure (100000)
          --scenario-timeout S     upper bound per scenario (900)
          --no-verify              skip the kill -9 / restart durability check after create
        """;

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static double Double(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
