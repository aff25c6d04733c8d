using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>
/// Full LIST (no limit, JSON) of a namespace holding N pods, timed from send until the last byte is read. One
/// list at a time: the target is the latency of one big response, not list throughput.
/// </summary>
internal sealed class ListScenario : IScenario
{
    private const string Namespace = "bench-list";

    public string Name => "list";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        using var session = await context.StartServerAsync(Name, cancellationToken);
        var client = session.Client;
        await KubeApi.CreateNamespaceAsync(client, Namespace, cancellationToken);
        ScenarioContext.Log(Name, $"creating {options.ListPods} pods");
        var created = await PodCreator.RunAsync(client, Namespace, "pod", options.Clients, TimeSpan.FromMinutes(10), options.ListPods, cancellationToken);
        if (created.Succeeded(201) != options.ListPods)
        {
            throw new InvalidOperationException($"only {created.Succeeded(201)} of {options.ListPods} creates succeeded: {LoopResult.Describe(created.Failures(201))}");
        }

        var path = KubeApi.PodsPath(Namespace);
        var items = await CountItemsAsync(client, path, cancellationToken);
        if (items != options.ListPods)
        {
            throw new InvalidOperationException($"LIST returned {items} items, expected {options.ListPods}");
        }

        ScenarioContext.Log(Name, $"{options.ListRepeats} full LISTs of {items} pods");
        var ticks = new long[options.ListRepeats];
        long bytes = 0;
        var buffer = new byte[256 * 1024];
        for (var i = 0; i < ticks.Length; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            bytes = await ListAsync(client, path, buffer, cancellationToken);
            ticks[i] = Stopwatch.GetTimestamp() - sent;
        }
        session.EnsureAlive();

        var latency = new Percentiles(ticks);
        return
        [
            new(Name, $"list {items} pods p50", latency.Ms(0.50), "ms"),
            new(Name, $"list {items} pods p99", latency.Ms(0.99), "ms", Goal.AtMost, 250,
                $"{ticks.Length} sequential LISTs, max {latency.MaxMs:F0} ms; {bytes / 1048576.0:F1} MiB JSON each"),
            new(Name, "pre-create rate", created.PerSecond, "/s", Notes: $"{options.Clients} clients"),
        ];
    }

    private static async Task<long> ListAsync(HttpClient client, string path, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = KubeApi.Request(client, HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await KubeApi.EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static async Task<int> CountItemsAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        await KubeApi.EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return doc.RootElement.GetProperty("items").GetArrayLength();
    }
}
