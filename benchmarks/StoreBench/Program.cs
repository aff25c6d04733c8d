using System.Diagnostics;
using KubeSharp.Storage;
using KubeSharp.Storage.Sqlite;

// Durable-create throughput of SqliteStore: N concurrent clients, each creating keys back to back for a fixed
// time, every create acknowledged only after commit (synchronous=FULL). Optionally with live watchers attached.
// Usage: StoreBench [clients=32] [seconds=5] [watchers=0] [valueBytes=1024] [dbDirectory=temp]
var clients = args.Length > 0 ? int.Parse(args[0]) : 32;
var seconds = args.Length > 1 ? double.Parse(args[1]) : 5;
var watchers = args.Length > 2 ? int.Parse(args[2]) : 0;
var valueBytes = args.Length > 3 ? int.Parse(args[3]) : 1024;
var directory = args.Length > 4 ? args[4] : Path.Combine(Path.GetTempPath(), "storebench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var value = new byte[valueBytes];
Random.Shared.NextBytes(value);

long created = 0;
long watched = 0;
long dropped = 0;
var latencies = new List<double>[clients];
try
{
    await using var store = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(directory, "bench.db") });
    using var stop = new CancellationTokenSource();
    var watchTasks = Enumerable.Range(0, watchers).Select(_ => Task.Run(async () =>
    {
        // Counted locally: a shared counter bumped by a thousand consumers per event would measure the counter.
        long seen = 0;
        try
        {
            await foreach (var _ in store.WatchAsync("/registry/", 0, stop.Token))
            {
                seen++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WatchTooSlowException)
        {
            Interlocked.Increment(ref dropped);
        }

        Interlocked.Add(ref watched, seen);
    })).ToArray();

    var clock = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    var clientTasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        var own = latencies[c] = [];
        for (var i = 0; clock.Elapsed < deadline; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await store.CreateAsync($"/registry/pods/bench/c{c}-{i}", value);
            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.Status != WriteStatus.Ok)
            {
                throw new InvalidOperationException($"create failed: {result.Status}");
            }

            Interlocked.Increment(ref created);
        }
    })).ToArray();
    await Task.WhenAll(clientTasks);
    var elapsed = clock.Elapsed.TotalSeconds;
    await stop.CancelAsync();
    await Task.WhenAll(watchTasks);

    var all = latencies.SelectMany(l => l).Order().ToArray();
    Console.WriteLine($"clients={clients} watchers={watchers} value={valueBytes}B: {created} durable creates in {elapsed:F1} s = {created / elapsed:F0}/s");
    Console.WriteLine($"latency ms p50={all[all.Length / 2]:F2} p99={all[(int)(all.Length * 0.99)]:F2} max={all[^1]:F2}; watch events delivered={watched}, watchers dropped as too slow={dropped}");
}
finally
{
    if (args.Length <= 4)
    {
        Directory.Delete(directory, recursive: true);
    }
}
