using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Container resources → cgroup values, as upstream's kuberuntime computes them: CPU shares from the request
/// (milli × 1024 / 1000, at least 2), CFS quota from the limit over a 100 ms period (at least 1 ms), the memory
/// limit in bytes, and the OOM score adjustment from the pod's QoS class.
/// </summary>
internal static class ContainerResources
{
    public const long MinShares = 2;
    public const long MaxShares = 262144;
    public const long SharesPerCpu = 1024;
    public const long QuotaPeriod = 100_000;
    public const long MinQuotaPeriod = 1000;

    public static LinuxContainerResources For(V1Container container, string qosClass, long nodeMemoryCapacity)
    {
        var requests = container.Resources?.Requests;
        var limits = container.Resources?.Limits;
        var cpuRequest = Milli(requests, "cpu") ?? Milli(limits, "cpu");
        var cpuLimit = Milli(limits, "cpu");
        var result = new LinuxContainerResources { CpuShares = MilliCpuToShares(cpuRequest ?? 0) };
        if (cpuLimit is { } limit)
        {
            result.CpuPeriod = QuotaPeriod;
            result.CpuQuota = MilliCpuToQuota(limit, QuotaPeriod);
        }
        if (Value(limits, "memory") is { } memory) result.MemoryLimitInBytes = memory;
        var memoryRequest = Value(requests, "memory") ?? Value(limits, "memory") ?? 0;
        result.OomScoreAdj = OomScoreAdj(qosClass, memoryRequest, nodeMemoryCapacity);
        return result;
    }

    public static long MilliCpuToShares(long milliCpu)
    {
        if (milliCpu == 0) return MinShares;
        var shares = milliCpu * SharesPerCpu / 1000;
        return Math.Clamp(shares, MinShares, MaxShares);
    }

    public static long MilliCpuToQuota(long milliCpu, long period)
    {
        if (milliCpu == 0) return 0;
        var quota = milliCpu * period / 1000;
        return Math.Max(quota, MinQuotaPeriod);
    }

    /// <summary>Upstream's qos.GetContainerOOMScoreAdjust: -997 Guaranteed, 1000 BestEffort, Burstable in between.</summary>
    public static long OomScoreAdj(string qosClass, long memoryRequest, long memoryCapacity)
    {
        if (qosClass == QosClass.Guaranteed) return -997;
        if (qosClass == QosClass.BestEffort) return 1000;
        if (memoryCapacity <= 0) return 999;
        var adj = 1000 - (1000 * memoryRequest / memoryCapacity);
        if (adj < 1000 - 997) return 1000 - 997;
        if (adj == 1000) return 999;
        return adj;
    }

    private static long? Milli(IDictionary<string, ResourceQuantity>? list, string name) =>
        list != null && list.TryGetValue(name, out var q) ? (long)Math.Ceiling(q.ToDecimal() * 1000) : null;

    private static long? Value(IDictionary<string, ResourceQuantity>? list, string name) =>
        list != null && list.TryGetValue(name, out var q) ? (long)Math.Ceiling(q.ToDecimal()) : null;
}
