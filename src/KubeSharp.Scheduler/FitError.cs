using KubeSharp.Scheduler.Framework;

namespace KubeSharp.Scheduler;

/// <summary>
/// Why a pod fits no node, rendered exactly as upstream's FitError.Error(): "0/N nodes are available: " then
/// either the PreFilter message or the per-reason node counts ("2 Insufficient cpu"), sorted as strings (so
/// "10 x" sorts before "2 y", as Go's sort.Strings does), each part followed by "."; then the PostFilter
/// (preemption) message, itself a FitError, so real clusters show a double period at the end.
/// </summary>
public sealed class FitError(int numAllNodes, IReadOnlyDictionary<string, Status> nodeStatuses, string? preFilterMessage = null)
{
    public int NumAllNodes { get; } = numAllNodes;

    public IReadOnlyDictionary<string, Status> NodeStatuses { get; } = nodeStatuses;

    public string? PreFilterMessage { get; } = preFilterMessage;

    public string? PostFilterMessage { get; set; }

    /// <summary>Plugins that rejected the pod somewhere: the queue's record of what a retry waits for.</summary>
    public IEnumerable<string> UnschedulablePlugins =>
        NodeStatuses.Values.Where(s => s.Plugin != null).Select(s => s.Plugin!).Distinct(StringComparer.Ordinal);

    public string Message
    {
        get
        {
            var message = $"0/{NumAllNodes} nodes are available:";
            if (!string.IsNullOrEmpty(PreFilterMessage))
            {
                message += $" {PreFilterMessage}.";
            }
            else
            {
                var histogram = ReasonHistogram();
                if (histogram.Length > 0) message += $" {histogram}.";
            }
            if (!string.IsNullOrEmpty(PostFilterMessage)) message += $" {PostFilterMessage}.";
            return message;
        }
    }

    private string ReasonHistogram()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var status in NodeStatuses.Values)
        {
            foreach (var reason in status.Reasons) counts[reason] = counts.GetValueOrDefault(reason) + 1;
        }
        var parts = counts.Select(kv => $"{kv.Value} {kv.Key}").ToList();
        parts.Sort(StringComparer.Ordinal);
        return string.Join(", ", parts);
    }
}
