using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>What one monitor pass must do after comparing zone health (upstream's handleDisruption).</summary>
/// <param name="UntaintAll">Every node in the cluster is unhealthy: remove all NoExecute taints and stop tainting.</param>
/// <param name="ResetProbes">The cluster left full disruption: give every node a fresh grace period.</param>
/// <param name="Rates">New taint rate (nodes a second, 0 = stopped) of every zone whose rate changes.</param>
internal sealed record DisruptionPlan(bool UntaintAll, bool ResetProbes, IReadOnlyDictionary<string, double> Rates);

/// <summary>
/// Zone states and the taint rates they call for (upstream's ComputeZoneState, handleDisruption, setLimiterInZone,
/// ReducedQPSFunc, HealthyQPSFunc). A zone with no Ready node is fully disrupted; with at least 3 not-ready nodes
/// making at least the threshold fraction it is partially disrupted; otherwise normal. Normal zones taint at the
/// eviction rate; partially disrupted ones at the secondary rate when larger than the large-cluster threshold, else
/// not at all; a fully disrupted zone at the normal rate (its nodes are likely really gone), unless every zone is fully
/// disrupted: then the fault is probably the control plane's own network, so tainting stops and taints are removed.
/// Not thread-safe: the monitor loop is its only user.
/// </summary>
internal sealed class DisruptionPolicy(double evictionRate, double secondaryEvictionRate, double unhealthyZoneThreshold, int largeClusterThreshold)
{
    private readonly Dictionary<string, ZoneState> _states = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ZoneState> States => _states;

    public double EvictionRate => evictionRate;

    /// <summary>The state of a zone from its nodes' Ready conditions (null: no Ready condition at all, counted not ready).</summary>
    public (int NotReady, ZoneState State) ComputeZoneState(IReadOnlyList<V1NodeCondition?> readyConditions)
    {
        var ready = readyConditions.Count(c => c?.Status == "True");
        var notReady = readyConditions.Count - ready;
        if (ready == 0 && notReady > 0) return (notReady, ZoneState.FullDisruption);
        if (notReady > 2 && (double)notReady / (notReady + ready) >= unhealthyZoneThreshold) return (notReady, ZoneState.PartialDisruption);
        return (notReady, ZoneState.Normal);
    }

    /// <summary>Compares this pass's zones (zone → Ready conditions of its counted nodes) with the last pass's.</summary>
    public DisruptionPlan Update(IReadOnlyDictionary<string, List<V1NodeCondition?>> zones)
    {
        var newStates = new Dictionary<string, ZoneState>(StringComparer.Ordinal);
        var allAreFullyDisrupted = true;
        foreach (var (zone, conditions) in zones)
        {
            var (_, state) = ComputeZoneState(conditions);
            if (state != ZoneState.FullDisruption) allAreFullyDisrupted = false;
            newStates[zone] = state;
            _states.TryAdd(zone, ZoneState.Initial);
        }
        var allWereFullyDisrupted = true;
        foreach (var zone in _states.Keys.ToList())
        {
            if (!zones.ContainsKey(zone))
            {
                _states.Remove(zone);
                continue;
            }
            if (_states[zone] != ZoneState.FullDisruption) allWereFullyDisrupted = false;
        }
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        if (allAreFullyDisrupted && allWereFullyDisrupted) return new DisruptionPlan(false, false, rates);
        if (allAreFullyDisrupted)
        {
            foreach (var zone in _states.Keys.ToList())
            {
                rates[zone] = 0;
                _states[zone] = ZoneState.FullDisruption;
            }
            return new DisruptionPlan(true, false, rates);
        }
        if (allWereFullyDisrupted)
        {
            // Leaving full disruption: every zone gets the rate of its new state.
            foreach (var zone in _states.Keys.ToList())
            {
                rates[zone] = RateFor(newStates[zone], zones[zone].Count);
                _states[zone] = newStates[zone];
            }
            return new DisruptionPlan(false, true, rates);
        }
        foreach (var zone in _states.Keys.ToList())
        {
            if (_states[zone] == newStates[zone]) continue;
            rates[zone] = RateFor(newStates[zone], zones[zone].Count);
            _states[zone] = newStates[zone];
        }
        return new DisruptionPlan(false, false, rates);
    }

    /// <summary>The taint rate of a zone of <paramref name="size"/> counted nodes in <paramref name="state"/>.</summary>
    public double RateFor(ZoneState state, int size) => state switch
    {
        ZoneState.PartialDisruption => size > largeClusterThreshold ? secondaryEvictionRate : 0,
        _ => evictionRate,
    };
}
