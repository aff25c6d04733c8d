using System.Globalization;
using System.Text;

namespace KubeSharp.Proxy.Health;

/// <summary>A Prometheus histogram (cumulative buckets, sum, count); thread-safe.</summary>
public sealed class Histogram(string name, string help, IReadOnlyList<double> bounds)
{
    private readonly Lock _lock = new();
    private readonly long[] _counts = new long[bounds.Count];
    private double _sum;
    private long _count;

    public string Name => name;

    public long Count
    {
        get
        {
            lock (_lock) return _count;
        }
    }

    public void Observe(double value)
    {
        lock (_lock)
        {
            for (var i = 0; i < bounds.Count; i++)
            {
                if (value <= bounds[i]) _counts[i]++;
            }
            _sum += value;
            _count++;
        }
    }

    public void WriteTo(StringBuilder sb)
    {
        lock (_lock)
        {
            sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            sb.Append("# TYPE ").Append(name).Append(" histogram\n");
            for (var i = 0; i < bounds.Count; i++)
            {
                sb.Append(name).Append("_bucket{le=\"").Append(Metrics.Number(bounds[i])).Append("\"} ").Append(_counts[i]).Append('\n');
            }
            sb.Append(name).Append("_bucket{le=\"+Inf\"} ").Append(_count).Append('\n');
            sb.Append(name).Append("_sum ").Append(Metrics.Number(_sum)).Append('\n');
            sb.Append(name).Append("_count ").Append(_count).Append('\n');
        }
    }

    /// <summary>start, start×factor, … (count bounds), as Prometheus' ExponentialBuckets.</summary>
    public static double[] Exponential(double start, double factor, int count) =>
        Enumerable.Range(0, count).Select(i => start * Math.Pow(factor, i)).ToArray();

    public static double[] Linear(double start, double width, int count) =>
        Enumerable.Range(0, count).Select(i => start + width * i).ToArray();
}

internal static class Metrics
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
