using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench;
using KubeSharp.Benchmarks.SchedulerBench.Reporting;
using KubeSharp.Benchmarks.SchedulerBench.Scenarios;

// Scheduler scenarios modeled on upstream's scheduler_perf: `kubesharp apiserver` and `kubesharp scheduler` as
// child processes, nodes and pods created over HTTPS by this process. See docs/benchmarks.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

var serverDll = await ServerBinary.ResolveAsync(options.ServerDll, interrupted.Token);
Console.WriteLine($"server: {serverDll}; {Environment.ProcessorCount} cores; load {LoadAverage.Read()}");
var figures = new List<Figure>();
foreach (var name in options.Scenarios)
{
    var scenario = ScenarioRegistry.Get(name);
    var loadBefore = LoadAverage.Read();
    BenchLog.Write(name, $"start (load {loadBefore})");
    using var bounded = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token);
    bounded.CancelAfter(TimeSpan.FromSeconds(options.ScenarioTimeoutSeconds));
    IReadOnlyList<Figure> results;
    try
    {
        results = await scenario.RunAsync(new ScenarioContext(options, serverDll), bounded.Token);
    }
    catch (Exception e) when (!interrupted.IsCancellationRequested)
    {
        // One broken scenario (crash, stall, timeout) is itself a result; the others still run.
        Console.Error.WriteLine($"{name} failed: {e}");
        results = [Figure.Error(name, e)];
    }
    var load = $"{LoadAverage.OneMinute(loadBefore)}→{LoadAverage.OneMinute(LoadAverage.Read())}";
    figures.AddRange(results.Select(f => f with { Load = load }));
    BenchLog.Write(name, $"done (load {LoadAverage.Read()})");
}

Console.WriteLine();
ResultTable.Print(figures, Console.Out);
if (options.Markdown != null)
{
    ResultTable.AppendMarkdown(options.Markdown, figures, "SchedulerBench " + string.Join(' ', args));
    Console.WriteLine($"appended to {options.Markdown}");
}

return figures.Any(f => f.Pass == false) ? 1 : 0;
