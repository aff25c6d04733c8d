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

return await ScenarioRunner.RunAsync("SchedulerBench", args, options.ServerDll, options.Scenarios, options.ScenarioTimeoutSeconds, options.Markdown,
    (name, serverDll, ct) => ScenarioRegistry.Get(name).RunAsync(new ScenarioContext(options, serverDll), ct),
    BenchLog.Write);
