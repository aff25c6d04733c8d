using k8s.Models;

namespace KubeSharp.ControllerManager.Controllers.NodeLifecycle;

/// <summary>upstream's ZoneState values.</summary>
internal enum ZoneState
{
    Initial,
    Normal,
    FullDisruption,
    PartialDisruption,
}

/// <summary>Zones as upstream keys them (nodetopology.GetZoneKey): region and zone labels, "" when neither is set.</summary>
internal static class Zones
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const string LegacyRegionLabel = "failure-domain.beta.kubernetes.io/region";
    public const string LegacyZoneLabel = "failure-domain.beta.kubernetes.io/zone";

    /// <summary>Nodes with this label are left out of the zone health counts (upstream's exclude-disruption label).</summary>
    public const string ExcludeDisruptionLabel = "node.kubernetes.io/exclude-disruption";

    public static string KeyOf(V1Node node)
    {
        var labels = node.Metadata?.Labels;
        if (labels == null) return "";
        var region = labels.TryGetValue(RegionLabel, out var r) ? r : labels.TryGetValue(LegacyRegionLabel, out var lr) ? lr : "";
        var zone = labels.TryGetValue(ZoneLabel, out var z) ? z : labels.TryGetValue(LegacyZoneLabel, out var lz) ? lz : "";
        return region.Length == 0 && zone.Length == 0 ? "" : region + ":\0:" + zone;
    }

    public static bool ExcludedFromDisruption(V1Node node) => node.Metadata?.Labels?.ContainsKey(ExcludeDisruptionLabel) == true;
}
