namespace KubeSharp.Benchmarks.ApiBench.Reporting;

/// <summary>
/// The main loop ApiBench, ControllerBench and SchedulerBench share: resolve the server binary, run the chosen
/// scenarios one after another (each bounded by a timeout; a broken one is itself a result and the others still
/// run), record the load average around each, print the table, append it as markdown when asked, and exit 1 when
/// any figure misses its target. Each tool keeps its own options and scenario registry.
/// </summary>
internal static class ScenarioRunner
{
    /// <param name="benchmark">The tool's name, for the markdown heading and command line.</param>
    /// <param name="args">The tool's command line, quoted in the markdown.</param>
    /// <param name="runScenario">Runs one named scenario against the server binary.</param>
    /// <param name="log">Progress lines (scenario name, message).</param>
    public static async Task<int> RunAsync(string benchmark, string[] args, string? serverDllOption, IReadOnlyList<string> scenarios,
        double scenarioTimeoutSeconds, string? markdown, Func<string, string, CancellationToken, Task<IReadOnlyList<Figure>>> runScenario,
        Action<string, string> log)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        var serverDll = await Cluster.ServerBinary.ResolveAsync(serverDllOption, interrupted.Token);
        Console.WriteLine($"server: {serverDll}; {Environment.ProcessorCount} cores; load {LoadAverage.Read()}");
        var figures = new List<Figure>();
        foreach (var name in scenarios)
        {
            var loadBefore = LoadAverage.Read();
            log(name, $"start (load {loadBefore})");
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token);
            bounded.CancelAfter(TimeSpan.FromSeconds(scenarioTimeoutSeconds));
            IReadOnlyList<Figure> results;
            try
            {
                results = await runScenario(name, serverDll, bounded.Token);
            }
            catch (Exception e) when (!interrupted.IsCancellationRequested)
            {
                // One broken scenario (server crash, 5xx, stall, timeout) is itself a result; the others still run.
                Console.Error.WriteLine($"{name} failed: {e}");
                results = [Figure.Error(name, e)];
            }
            var load = $"{LoadAverage.OneMinute(loadBefore)}→{LoadAverage.OneMinute(LoadAverage.Read())}";
            figures.AddRange(results.Select(f => f with { Load = load }));
            log(name, $"done (load {LoadAverage.Read()})");
        }

        Console.WriteLine();
        ResultTable.Print(figures, Console.Out);
        if (markdown != null)
        {
            ResultTable.AppendMarkdown(markdown, figures, benchmark + " " + string.Join(' ', args), benchmark);
            Console.WriteLine($"appended to {markdown}");
        }
        return figures.Any(f => f.Pass == false) ? 1 : 0;
    }
}
