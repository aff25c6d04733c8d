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

return await ScenarioRunner.RunAsync("ControllerBench", args, options.ServerDll, options.Scenarios, options.ScenarioTimeoutSeconds, options.Markdown,
    (name, serverDll, ct) => ScenarioRegistry.Get(name).RunAsync(new ScenarioContext(options, serverDll), ct),
    ScenarioContext.Log);
