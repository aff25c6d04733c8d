using System.Globalization;
using k8s.Models;

namespace KubeSharp.Kubelet.Nodes;

/// <summary>Capacity and allocatable as upstream computes them: capacity from the host, allocatable = capacity −
/// kube-reserved − system-reserved − hard eviction thresholds (memory.available, nodefs.available).</summary>
internal static class NodeResources
{
    public static Dictionary<string, ResourceQuantity> Capacity(NodeResourceFigures figures, int maxPods) => new()
    {
        ["cpu"] = new ResourceQuantity(figures.CpuCount.ToString(CultureInfo.InvariantCulture)),
        ["memory"] = Bytes(figures.MemoryTotalBytes),
        ["pods"] = new ResourceQuantity(maxPods.ToString(CultureInfo.InvariantCulture)),
        ["ephemeral-storage"] = Bytes(figures.FsTotalBytes),
    };

    public static Dictionary<string, ResourceQuantity> Allocatable(IReadOnlyDictionary<string, ResourceQuantity> capacity, KubeletOptions options)
    {
        var result = new Dictionary<string, ResourceQuantity>();
        foreach (var (name, quantity) in capacity)
        {
            var value = quantity.ToDecimal() - Reserved(options.SystemReserved, name) - Reserved(options.KubeReserved, name);
            if (name == "memory" && options.Eviction.Hard(Eviction.EvictionSignals.MemoryAvailable) is { } memory)
                value -= memory.Value.Resolve((long)quantity.ToDecimal());
            if (name == "ephemeral-storage" && options.Eviction.Hard(Eviction.EvictionSignals.NodeFsAvailable) is { } nodefs)
                value -= nodefs.Value.Resolve((long)quantity.ToDecimal());
            if (value < 0) value = 0;
            result[name] = name switch
            {
                "cpu" => Cpu(value),
                "memory" or "ephemeral-storage" => Bytes((long)value),
                _ => new ResourceQuantity(((long)value).ToString(CultureInfo.InvariantCulture)),
            };
        }
        return result;
    }

    private static decimal Reserved(IReadOnlyDictionary<string, ResourceQuantity> reserved, string name) =>
        reserved.TryGetValue(name, out var q) ? q.ToDecimal() : 0;

    /// <summary>Bytes as upstream prints them: Ki when the value is a whole number of KiB.</summary>
    public static ResourceQuantity Bytes(long bytes) =>
        new(bytes % 1024 == 0 ? (bytes / 1024).ToString(CultureInfo.InvariantCulture) + "Ki" : bytes.ToString(CultureInfo.InvariantCulture));

    private static ResourceQuantity Cpu(decimal cores)
    {
        var millis = (long)Math.Floor(cores * 1000);
        return new ResourceQuantity(millis % 1000 == 0
            ? (millis / 1000).ToString(CultureInfo.InvariantCulture)
            : millis.ToString(CultureInfo.InvariantCulture) + "m");
    }
}
