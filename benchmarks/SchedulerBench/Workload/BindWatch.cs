using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KubeSharp.Benchmarks.ApiBench.Http;
using KubeSharp.Benchmarks.SchedulerBench.Cluster;
using KubeSharp.Benchmarks.SchedulerBench.Reporting;

namespace KubeSharp.Benchmarks.SchedulerBench.Workload;

/// <summary>
/// Watches a namespace's pods from "now" and records, for each pod named <c>PREFIX-INDEX</c>, the moment the watch
/// first shows it with spec.nodeName set and the node it went to. Opened before the creates, so no bind is missed;
/// a pod's latency is therefore create sent → bind observed through the API, as upstream's pod startup SLI counts
/// "observed via watch".
/// </summary>
internal sealed class BindWatch : IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly string _prefix;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private int _bound;

    private BindWatch(HttpClient client, HttpResponseMessage response, string prefix, int count, CancellationToken ct)
    {
        _client = client;
        _response = response;
        _prefix = prefix + "-";
        BoundAt = new long[count];
        Nodes = new string?[count];
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Stopwatch timestamp of each pod's first bound event (0 while unbound).</summary>
    public long[] BoundAt { get; }

    public string?[] Nodes { get; }

    public int Bound => Volatile.Read(ref _bound);

    public static async Task<BindWatch> StartAsync(BenchCluster cluster, string ns, string prefix, int count, CancellationToken ct)
    {
        var client = cluster.NewClient(Timeout.InfiniteTimeSpan);
        try
        {
            var rv = await KubeApi.ListResourceVersionAsync(client, KubeApi.PodsPath(ns) + "?limit=1", ct);
            var request = KubeApi.Request(client, HttpMethod.Get, $"{KubeApi.PodsPath(ns)}?watch=1&resourceVersion={rv}&timeoutSeconds=3600");
            // Headers back means the server registered the watch: every later write is delivered.
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await KubeApi.EnsureAsync(response, System.Net.HttpStatusCode.OK, ct);
            return new BindWatch(client, response, prefix, count, ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until every pod is bound. Prints progress every 5 s; a minute without a new bind, or a component that
    /// died, fails the scenario with the scheduler's last output.
    /// </summary>
    public async Task WaitAllAsync(BenchCluster cluster, string scenario, CancellationToken ct)
    {
        var last = -1;
        var lastChange = Stopwatch.GetTimestamp();
        while (!_all.Task.IsCompleted)
        {
            await Task.WhenAny(_all.Task, _reader, Task.Delay(TimeSpan.FromSeconds(5), ct));
            ct.ThrowIfCancellationRequested();
            if (_reader.IsCompleted && !_all.Task.IsCompleted)
            {
                await _reader;
                throw new InvalidOperationException("the watch ended before every pod was bound");
            }
            cluster.EnsureAlive();
            var bound = Bound;
            BenchLog.Write(scenario, $"bound {bound}/{BoundAt.Length}");
            if (bound != last)
            {
                last = bound;
                lastChange = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastChange) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"no pod bound for 60 s ({bound}/{BoundAt.Length}); scheduler output:\n{cluster.Scheduler?.Tail()}");
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _response.Dispose();
        try
        {
            _reader.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The read loop ends with the cancelled stream.
        }
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        using var stream = await _response.Content.ReadAsStreamAsync(_stop.Token);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.Length == 0) continue;
            var now = Stopwatch.GetTimestamp();
            using var doc = JsonDocument.Parse(line);
            var type = doc.RootElement.GetProperty("type").GetString();
            var obj = doc.RootElement.GetProperty("object");
            if (type == "ERROR") throw new InvalidOperationException($"watch error: {obj}");
            if (type is not ("ADDED" or "MODIFIED")) continue;
            if (!obj.TryGetProperty("spec", out var spec) || !spec.TryGetProperty("nodeName", out var nodeProperty)) continue;
            var node = nodeProperty.GetString();
            if (string.IsNullOrEmpty(node)) continue;
            var name = obj.GetProperty("metadata").GetProperty("name").GetString()!;
            if (!name.StartsWith(_prefix, StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(_prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                || i >= BoundAt.Length || BoundAt[i] != 0)
            {
                continue;
            }
            BoundAt[i] = now;
            Nodes[i] = node;
            if (Interlocked.Increment(ref _bound) == BoundAt.Length) _all.TrySetResult();
        }
    }
}
