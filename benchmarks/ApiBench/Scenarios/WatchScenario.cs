using System.Diagnostics;
using System.Net;
using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.ApiBench.Load;
using KubeSharp.Benchmarks.ApiBench.Reporting;

namespace KubeSharp.Benchmarks.ApiBench.Scenarios;

/// <summary>
/// Watch fan-out: W watchers on the pods of one namespace (HTTP/2 streams spread over several connections), then E
/// pods created one at a time. For every (event, watcher) pair the figure is the time from the create's send until
/// that watcher has read the event; the percentiles are over all W × E deliveries.
/// </summary>
internal sealed class WatchScenario : IScenario
{
    private const string Namespace = "bench-watch";
    private const string Prefix = "wev";
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public string Name => "watch";

    public async Task<IReadOnlyList<Figure>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var watchers = options.Watchers;
        var events = options.WatchEvents;
        using var session = await context.StartServerAsync(Name, cancellationToken);
        await KubeApi.CreateNamespaceAsync(session.Client, Namespace, cancellationToken);
        await WarmUpAsync(session, cancellationToken);
        var path = KubeApi.PodsPath(Namespace);
        var rv = await KubeApi.ListResourceVersionAsync(session.Client, path, cancellationToken);

        var clients = new HttpClient[options.WatchConnections];
        for (var c = 0; c < clients.Length; c++)
        {
            clients[c] = session.NewClient(Timeout.InfiniteTimeSpan);
        }
        var watchStreams = new WatchStream[watchers];
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            ScenarioContext.Log(Name, $"opening {watchers} watches over {clients.Length} clients from resourceVersion {rv}");
            var url = $"{path}?watch=true&resourceVersion={rv}";
            var opening = new Task<WatchStream>[watchers];
            for (var w = 0; w < watchers; w++)
            {
                opening[w] = WatchStream.OpenAsync(clients[w % clients.Length], url, w, events, Prefix, stopWatching.Token);
                if (w < clients.Length)
                {
                    // The first watch of each client alone: requests issued while a client has no connection yet
                    // each start their own (EnableMultipleHttp2Connections), which would give one TCP connection
                    // per watcher instead of streams multiplexed over a few connections.
                    await opening[w].WaitAsync(OpenTimeout, cancellationToken);
                }
            }
            (await Task.WhenAll(opening).WaitAsync(OpenTimeout, cancellationToken)).CopyTo(watchStreams, 0);
            var connections = ConnectionCounter.EstablishedTo(session.Server.Port);

            var arrivals = new long[watchers * events];
            var readers = new Task[watchers];
            for (var w = 0; w < watchers; w++)
            {
                var stream = watchStreams[w];
                readers[w] = Task.Run(() => stream.ReadAsync(arrivals, stopWatching.Token), CancellationToken.None);
            }

            var (sentAt, createTicks, createStatus) = await CreateSpacedAsync(session.Client, path, events, options.WatchIntervalMs, cancellationToken);
            try
            {
                await Task.WhenAll(readers).WaitAsync(DrainTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Missing deliveries are counted below; a watcher that never got its events must not hang the run.
            }
            session.EnsureAlive();
            await stopWatching.CancelAsync();

            return Summarize(watchStreams, arrivals, sentAt, createTicks, createStatus, connections, options);
        }
        finally
        {
            await stopWatching.CancelAsync();
            foreach (var stream in watchStreams)
            {
                stream?.Dispose();
            }
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// The server is fresh, so its first create and first watch event pay for JIT compilation (about a second on
    /// this machine), which would land in the first event's deliveries. One watcher in another namespace and a few
    /// creates there take that cost before the measurement.
    /// </summary>
    private static async Task WarmUpAsync(ServerSession session, CancellationToken cancellationToken)
    {
        const string warmNamespace = "bench-watch-warmup";
        const int warmEvents = 20;
        await KubeApi.CreateNamespaceAsync(session.Client, warmNamespace, cancellationToken);
        var path = KubeApi.PodsPath(warmNamespace);
        var rv = await KubeApi.ListResourceVersionAsync(session.Client, path, cancellationToken);
        using var watch = await WatchStream.OpenAsync(session.Client, $"{path}?watch=true&resourceVersion={rv}", 0, warmEvents, "warm", cancellationToken);
        var reading = watch.ReadAsync(new long[warmEvents], cancellationToken);
        var bodies = new PodBodies(warmNamespace);
        for (var i = 0; i < warmEvents; i++)
        {
            await KubeApi.CreatePodAsync(session.Client, path, bodies.For(PodCreator.Name("warm", i)), cancellationToken);
        }
        await reading.WaitAsync(DrainTimeout, cancellationToken);
    }

    /// <summary>Creates pod i at start + i × interval and records when each create was sent.</summary>
    private static async Task<(long[] SentAt, long[] Ticks, int[] Status)> CreateSpacedAsync(HttpClient client, string path, int events, int intervalMs, CancellationToken cancellationToken)
    {
        var bodies = new PodBodies(Namespace);
        var sentAt = new long[events];
        var ticks = new long[events];
        var status = new int[events];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < events; i++)
        {
            var due = TimeSpan.FromMilliseconds((double)i * intervalMs) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
            var body = bodies.For(PodCreator.Name(Prefix, i));
            sentAt[i] = Stopwatch.GetTimestamp();
            status[i] = await KubeApi.CreatePodAsync(client, path, body, cancellationToken);
            ticks[i] = Stopwatch.GetTimestamp() - sentAt[i];
        }

        return (sentAt, ticks, status);
    }

    private List<Figure> Summarize(WatchStream[] streams, long[] arrivals, long[] sentAt, long[] createTicks, int[] createStatus, int connections, BenchOptions options)
    {
        var watchers = streams.Length;
        var events = sentAt.Length;
        var delivered = new long[watchers * events];
        var count = 0;
        var missed = 0;
        for (var i = 0; i < events; i++)
        {
            if (createStatus[i] != 201)
            {
                continue;
            }
            for (var w = 0; w < watchers; w++)
            {
                var at = arrivals[w * events + i];
                if (at == 0)
                {
                    missed++;
                }
                else
                {
                    delivered[count++] = at - sentAt[i];
                }
            }
        }

        var latency = new Percentiles(delivered.AsSpan(0, count));
        var creates = new Percentiles(createTicks);
        var failedCreates = createStatus.Count(s => s != 201);
        var closedEarly = streams.Count(s => s.ClosedEarly);
        var errors = streams.Select(s => s.Error).FirstOrDefault(e => e != null);
        var versions = string.Join("/", streams.Select(s => $"HTTP/{s.Version}").Distinct());
        var setup = $"{watchers} watchers ({versions}), {options.WatchConnections} clients, {connections} TCP connections, {events} creates every {options.WatchIntervalMs} ms";
        return
        [
            new(Name, "create → watcher read, p50", latency.Ms(0.50), "ms", Notes: setup),
            new(Name, "create → watcher read, p99", latency.Ms(0.99), "ms", Goal.AtMost, 100, $"{count} deliveries, max {latency.MaxMs:F0} ms"),
            new(Name, "create latency while watched, p50", creates.Ms(0.50), "ms", Notes: $"p99 {creates.Ms(0.99):F1} ms"),
            new(Name, "missed deliveries", missed, "", Goal.AtMost, 0,
                $"failed creates {failedCreates}, watches closed early {closedEarly}" + (errors != null ? $"; {errors}" : "")),
        ];
    }
}
