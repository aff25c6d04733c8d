using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>
/// Process start → first "ok" from /readyz, on an empty data dir each time (so PKI generation, store creation and
/// bootstrap objects are included, as on a real first start). The median of several runs is the figure.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public string Name => "startup";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var runs = context.Options.StartupRuns;
        var toReadyz = new double[runs];
        var toReadyLine = new double[runs];

        // One unmeasured start first: the benchmark's own TLS and HTTP/2 client code is JIT-compiled on its first
        // use (0.2–0.4 s here), which would otherwise be counted as server startup in run 1.
        for (var run = -1; run < runs; run++)
        {
            using var dir = new TempDirectory("startup");
            using var server = ServerProcess.Start(context.ServerDll, dir.Path, FreePort.Next());
            var readyzAt = await PollReadyzAsync(server, cancellationToken);
            var readyz = (readyzAt - server.StartTimestamp) / (double)Stopwatch.Frequency;
            var readyLine = (await server.ReadyLine.WaitAsync(GiveUpAfter, cancellationToken) - server.StartTimestamp) / (double)Stopwatch.Frequency;
            ScenarioContext.Log(Name, $"{(run < 0 ? "warm-up" : $"run {run + 1}/{runs}")}: /readyz ok after {readyz:F3} s (\"ready at\" printed after {readyLine:F3} s)");
            if (run >= 0)
            {
                toReadyz[run] = readyz;
                toReadyLine[run] = readyLine;
            }
        }

        var all = string.Join(", ", toReadyz.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)));
        return
        [
            new Figure(Name, $"start → /readyz ok, median of {runs}", Median(toReadyz), "s", Goal.AtMost, 2,
                $"fresh data dir each run; runs: {all} s"),
            new Figure(Name, "start → \"ready at\" line, median", Median(toReadyLine), "s"),
        ];
    }

    /// <summary>
    /// Polls until /readyz says ok. The CA and admin key only exist once the server has written them, so the client
    /// is built as soon as they can be read; until then, and while the port refuses connections, it retries every 5 ms.
    /// </summary>
    private static async Task<long> PollReadyzAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        HttpClient? client = null;
        try
        {
            while (Stopwatch.GetElapsedTime(server.StartTimestamp) < GiveUpAfter)
            {
                if (server.HasExited)
                {
                    throw new InvalidOperationException($"server exited during startup:\n{server.Tail()}");
                }
                client ??= TryCreateClient(server);
                if (client != null)
                {
                    try
                    {
                        using var response = await client.GetAsync("/readyz", cancellationToken);
                        var body = await response.Content.ReadAsStringAsync(cancellationToken);
                        if (response.IsSuccessStatusCode && body.Trim() == "ok")
                        {
                            return Stopwatch.GetTimestamp();
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Not listening yet.
                    }
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        finally
        {
            client?.Dispose();
        }

        throw new TimeoutException($"/readyz not ok within {GiveUpAfter.TotalSeconds} s:\n{server.Tail()}");
    }

    private static HttpClient? TryCreateClient(ServerProcess server)
    {
        try
        {
            return ApiClientFactory.Create(server.Url, server.DataDir, TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is IOException or CryptographicException or ArgumentException)
        {
            // Not written yet, or half written.
            return null;
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
