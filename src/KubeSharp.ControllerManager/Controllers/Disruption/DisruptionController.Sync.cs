using k8s.Models;
using KubeSharp.Client;
using KubeSharp.Client.Events;
using KubeSharp.Client.Rest;
using Microsoft.Extensions.Logging;

namespace KubeSharp.ControllerManager.Controllers.Disruption;

/// <summary>The one sync per budget key (upstream's sync, trySync and failSafe).</summary>
internal sealed partial class DisruptionController
{
    private async Task SyncAsync(string key, CancellationToken ct)
    {
        var (ns, name) = KubeObjects.SplitKey(key);
        var pdb = _pdbInformer.Lister.Get(ns, name);
        if (pdb == null || pdb.Metadata.DeletionTimestamp != null) return;
        var now = _time.GetUtcNow();
        string? error;
        try
        {
            error = await TrySyncAsync(pdb, now, ct);
        }
        catch (KubeApiException e) when (ApiErrors.IsConflict(e))
        {
            // The cache is behind our own last write: the informer's update enqueues the budget again.
            throw;
        }
        catch (KubeApiException e) when (!ApiErrors.IsNotFound(e))
        {
            error = e.Message;
        }
        if (error == null) return;
        // Upstream's failSafe: when the status cannot be worked out, allow no disruptions until it can.
        var status = BudgetStatus.FailSafe(pdb, error, now);
        await WriteStatusAsync(pdb, status, ct);
        throw new InvalidOperationException($"PodDisruptionBudget {key}: {error}");
    }

    /// <returns>null when the status was written (or already right); otherwise why it could not be computed.</returns>
    private async Task<string?> TrySyncAsync(V1PodDisruptionBudget pdb, DateTimeOffset now, CancellationToken ct)
    {
        var selector = SelectorOf(pdb);
        if (selector == null) return "invalid label selector";
        var pods = _podInformer.Lister.List(pdb.Metadata.NamespaceProperty, selector);
        if (pods.Count == 0) _recorder.Event(pdb, EventTypes.Normal, "NoPods", "No matching pods found");

        var expected = ExpectedPodsCalculator.Compute(pdb, pods, _scales);
        if (expected.Error != null)
        {
            _recorder.Event(pdb, EventTypes.Warning, "CalculateExpectedPodCountFailed", $"Failed to calculate the number of expected pods: {expected.Error}");
            return expected.Error;
        }
        if (expected.UnmanagedPods.Count > 0)
        {
            // Upstream carries on (rather than failing and retrying hot) and tells the owner of the budget.
            LogUnmanaged(_logger, KubeObjects.KeyOf(pdb), string.Join(",", expected.UnmanagedPods));
            _recorder.Event(pdb, EventTypes.Warning, "UnmanagedPods",
                $"Pods selected by this PodDisruptionBudget (selector: {selector}) were found to be unmanaged. As a result, the status of the PDB " +
                "cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set " +
                "\".spec.minAvailable\" field of the PDB to an integer value.");
        }

        var (disrupted, recheckAt, notDeleted) = BudgetStatus.DisruptedPods(pdb, pods, now);
        foreach (var pod in notDeleted)
        {
            _recorder.Event(pod, EventTypes.Warning, "NotDeleted", $"Pod was expected by PDB {KubeObjects.KeyOf(pdb)} to be deleted but it wasn't");
        }
        var healthy = BudgetStatus.CountHealthy(pods, disrupted, now);
        var status = BudgetStatus.Desired(pdb, healthy, expected.DesiredHealthy, expected.Expected, disrupted, now);
        if (status != null) await WriteStatusAsync(pdb, status, ct);
        // A pod admitted for eviction that is still there at its deadline counts as healthy again then.
        if (recheckAt is { } at) _queue.AddAfter(KubeObjects.KeyOf(pdb), at > now ? at - now : TimeSpan.Zero);
        return null;
    }

    private async Task WriteStatusAsync(V1PodDisruptionBudget pdb, V1PodDisruptionBudgetStatus status, CancellationToken ct)
    {
        var copy = KubeObjects.DeepCopy(pdb);
        copy.Status = status;
        await _pdbs.UpdateStatusAsync(copy, ct);
        LogStatus(_logger, KubeObjects.KeyOf(pdb), status.CurrentHealthy ?? 0, status.DesiredHealthy ?? 0, status.ExpectedPods ?? 0, status.DisruptionsAllowed ?? 0);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug,
        Message = "PodDisruptionBudget {Budget}: currentHealthy={CurrentHealthy} desiredHealthy={DesiredHealthy} expectedPods={ExpectedPods} disruptionsAllowed={DisruptionsAllowed}")]
    private static partial void LogStatus(ILogger logger, string budget, int currentHealthy, int desiredHealthy, int expectedPods, int disruptionsAllowed);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "PodDisruptionBudget {Budget} selects pods without a controller: {Pods}")]
    private static partial void LogUnmanaged(ILogger logger, string budget, string pods);
}
