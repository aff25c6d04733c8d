using System.Diagnostics;

namespace KubeSharp.Benchmarks.ApiBench.Load;

/// <summary>The samples of one closed-loop run, indexed by ticket; only the first <see cref="Count"/> are used.</summary>
internal sealed class LoopResult(long start, long end, int count, long[] latency, long[] completedAt, short[] status, string? firstError)
{
    public int Count => count;

    public double Seconds => (end - start) / (double)Stopwatch.Frequency;

    public double PerSecond => Count / Seconds;

    public string? FirstError => firstError;

    public short Status(long ticket) => status[ticket];

    public Percentiles Latency() => new(latency.AsSpan(0, count));

    /// <summary>How many requests did not get the expected status, by status (0 = no answer).</summary>
    public SortedDictionary<int, int> Failures(int expected)
    {
        var failures = new SortedDictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            if (status[i] != expected)
            {
                failures[status[i]] = failures.GetValueOrDefault(status[i]) + 1;
            }
        }

        return failures;
    }

    public int Succeeded(int expected) => count - Failures(expected).Values.Sum();

    /// <summary>
    /// Completions in the slowest whole second of the run: an average can hide a stall, "sustained" should not.
    /// The partial last second is left out.
    /// </summary>
    public int SlowestSecond()
    {
        var seconds = (int)Seconds;
        if (seconds == 0)
        {
            return count;
        }
        var buckets = new int[seconds];
        for (var i = 0; i < count; i++)
        {
            var second = (int)((completedAt[i] - start) / Stopwatch.Frequency);
            if (second < seconds)
            {
                buckets[second]++;
            }
        }

        return buckets.Min();
    }

    public static string Describe(SortedDictionary<int, int> failures) =>
        failures.Count == 0 ? "none" : string.Join(", ", failures.Select(f => $"{f.Value}×{(f.Key == 0 ? "no answer" : f.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
}
