using System.Diagnostics;
using System.Net.Http.Headers;

namespace KubeSharp.Benchmarks.SchedulerBench.Workload;

/// <summary>The result of a bulk create: when each object's POST was sent and when the last answer came.</summary>
internal sealed record BulkResult(long[] SentAt, long FirstSent, long LastAnswered)
{
    public double Seconds => (LastAnswered - FirstSent) / (double)Stopwatch.Frequency;

    public double PerSecond => SentAt.Length / Seconds;
}

/// <summary>
/// POSTs N objects from several concurrent workers over the admin client's HTTP/2 connections. Any answer other
/// than 201 stops the run: the scenarios need every object, and a failed create would show up as a pod that is
/// never bound.
/// </summary>
internal static class BulkCreator
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<BulkResult> RunAsync(HttpClient client, string path, int count, int workers, Func<int, byte[]> body, CancellationToken ct)
    {
        var sentAt = new long[count];
        var next = -1;
        long lastAnswered = 0;
        var first = Stopwatch.GetTimestamp();

        async Task WorkerAsync()
        {
            await Task.Yield();
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count) return;
                using var content = new ByteArrayContent(body(i));
                content.Headers.ContentType = Json;
                sentAt[i] = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(path, content, ct);
                if ((int)response.StatusCode != 201)
                {
                    var text = await response.Content.ReadAsStringAsync(ct);
                    throw new InvalidOperationException($"POST {path} #{i}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}");
                }
                await response.Content.CopyToAsync(Stream.Null, ct);
                var now = Stopwatch.GetTimestamp();
                long seen;
                do
                {
                    seen = Interlocked.Read(ref lastAnswered);
                }
                while (now > seen && Interlocked.CompareExchange(ref lastAnswered, now, seen) != seen);
            }
        }

        var tasks = new Task[Math.Max(1, workers)];
        for (var w = 0; w < tasks.Length; w++) tasks[w] = WorkerAsync();
        await Task.WhenAll(tasks);
        return new BulkResult(sentAt, first, lastAnswered);
    }
}
