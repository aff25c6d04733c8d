using System.Net;
using System.Text.Json;
using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>
/// Server memory per stored pod: settled RSS with N pods minus settled RSS of the same process with an empty store,
/// divided by N. The server runs with whatever GC settings its runtimeconfig.json and the environment give it; the
/// report names them, since workstation and server GC differ a lot in resident size.
/// </summary>
internal sealed class MemoryScenario : IScenario
{
    private const string Namespace = "bench-memory";
    private const int Samples = 6;
    private static readonly TimeSpan SampleSpacing = TimeSpan.FromMilliseconds(500);

    public string Name => "memory";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        using var session = await context.StartServerAsync(Name, cancellationToken);
        var pid = session.Server.Pid;

        // Settle the empty server the same way as the full one: one answered request, then the floor of a few samples.
        await WaitForOkAsync(session.Client, "/readyz", cancellationToken);
        var empty = await ProcessMemory.SettledRssKibAsync(pid, Samples, SampleSpacing, cancellationToken);
        ScenarioContext.Log(Name, $"empty store: RSS {empty / 1024.0:F1} MiB; creating {options.MemoryPods} pods");

        await KubeApi.CreateNamespaceAsync(session.Client, Namespace, cancellationToken);
        var run = await PodCreator.RunAsync(session.Client, Namespace, "pod", options.Clients, TimeSpan.FromMinutes(30), options.MemoryPods, cancellationToken);
        session.EnsureAlive();
        var stored = run.Succeeded(201);
        ScenarioContext.Log(Name, $"{stored} pods created in {run.Seconds:F0} s ({run.PerSecond:F0}/s), failures: {LoopResult.Describe(run.Failures(201))}");

        await WaitForOkAsync(session.Client, $"{KubeApi.PodsPath(Namespace)}/{PodCreator.Name("pod", LastAcknowledged(run))}", cancellationToken);
        var full = await ProcessMemory.SettledRssKibAsync(pid, Samples, SampleSpacing, cancellationToken);
        var peak = ProcessMemory.PeakRssKib(pid) ?? 0;
        var perPod = (full - empty) / (double)stored;
        ScenarioContext.Log(Name, $"{stored} pods: RSS {full / 1024.0:F1} MiB (peak {peak / 1024.0:F1} MiB) → {perPod:F2} KiB/pod");

        var gc = GcSettings(context.ServerDll, pid);
        return
        [
            new(Name, $"RSS per pod ({stored} pods)", perPod, "KiB", Goal.AtMost, 20,
                $"settled RSS {full / 1024.0:F0} MiB − empty {empty / 1024.0:F0} MiB; min of {Samples} samples over {Samples * SampleSpacing.TotalSeconds:0} s; {gc}"),
            new(Name, "peak RSS (VmHWM)", peak / 1024.0, "MiB"),
            new(Name, "create rate while filling", run.PerSecond, "/s", Notes: $"{options.Clients} clients, {run.Seconds:F0} s"),
        ];
    }

    private static long LastAcknowledged(LoopResult run)
    {
        for (var ticket = run.Count - 1; ticket >= 0; ticket--)
        {
            if (run.Status(ticket) == 201)
            {
                return ticket;
            }
        }

        throw new InvalidOperationException("no pod was created");
    }

    /// <summary>Retries a GET until it answers 200 (bounded): the store has caught up with every acknowledged write.</summary>
    private static async Task WaitForOkAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync(path, timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>
    /// The GC configuration the server process runs with: runtimeconfig.json properties, then the DOTNET_gc*
    /// variables of the running process (read from /proc, since the API server re-executes itself with its role's
    /// runtime settings, docs/cli.md), which override them.
    /// </summary>
    private static string GcSettings(string serverDll, int pid)
    {
        var settings = new List<string>();
        var runtimeConfig = Path.ChangeExtension(serverDll, ".runtimeconfig.json");
        if (File.Exists(runtimeConfig))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
            if (doc.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties))
            {
                settings.AddRange(properties.EnumerateObject()
                    .Where(p => p.Name.StartsWith("System.GC.", StringComparison.Ordinal))
                    .Select(p => $"{p.Name}={p.Value}"));
            }
        }
        try
        {
            settings.AddRange(File.ReadAllText($"/proc/{pid}/environ").Split('\0')
                .Where(v => v.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase) || v.StartsWith("COMPlus_gc", StringComparison.OrdinalIgnoreCase)));
        }
        catch (IOException)
        {
            settings.Add("(process environment unreadable)");
        }
        return "server GC settings: " + (settings.Count == 0 ? "runtime defaults" : string.Join(", ", settings));
    }
}
