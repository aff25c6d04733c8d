using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.ControllerBench;
using KubeSharp.Benchmarks.ControllerBench.Scenarios;

// Scenario benchmarks of a real `kubesharp controller-manager` child process against a real `kubesharp apiserver`
// child process, driven and observed through the API by this harness. See docs/benchmarks.md.
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
    var loadBefore = LoadAverage.Read();
    ScenarioContext.Log(name, $"start (load {loadBefore})");
    using var bounded = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token);
    bounded.CancelAfter(TimeSpan.FromSeconds(options.ScenarioTimeoutSeconds));
    IReadOnlyList<Figure> results;
    try
    {
        results = await ScenarioRegistry.Get(name).RunAsync(new ScenarioContext(options, serverDll), bounded.Token);
    }
    catch (Exception e) when (!interrupted.IsCancellationRequested)
    {
        // One broken scenario (crash, timeout) is itself a result; the others still run.
        Console.Error.WriteLine($"{name} failed: {e}");
        results = [Figure.Error(name, e)];
    }
    var load = $"{LoadAverage.OneMinute(loadBefore)}→{LoadAverage.OneMinute(LoadAverage.Read())}";
    figures.AddRange(results.Select(f => f with { Load = load }));
    ScenarioContext.Log(name, $"done (load {LoadAverage.Read()})");
}

Console.WriteLine();
ResultTable.Print(figures, Console.Out);
if (options.Markdown != null)
{
    ResultTable.AppendMarkdown(options.Markdown, figures, "ControllerBench " + string.Join(' ', args), "ControllerBench");
    Console.WriteLine($"appended to {options.Markdown}");
}

return figures.Any(f => f.Pass == false) ? 1 : 0;
