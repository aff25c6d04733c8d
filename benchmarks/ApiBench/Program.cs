using KubeSharp.Benchmarks.ApiBench;
using KubeSharp.Benchmarks.ApiBench.Reporting;
using KubeSharp.Benchmarks.ApiBench.Scenarios;

// Scenario benchmarks of a real `kubesharp apiserver` child process over HTTPS on 127.0.0.1. See docs/benchmarks.md.
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

return await ScenarioRunner.RunAsync("ApiBench", args, options.ServerDll, options.Scenarios, options.ScenarioTimeoutSeconds, options.Markdown,
    (name, serverDll, ct) => ScenarioRegistry.Get(name).RunAsync(new ScenarioContext(options, serverDll), ct),
    ScenarioContext.Log);
