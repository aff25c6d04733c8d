using k8s.Models;

namespace KubeSharp.Scheduler.Cache;

/// <summary>Quantity → integer, rounding up as apimachinery's Value/MilliValue do (so 1.5m cpu counts as 2m).</summary>
internal static class Quantities
{
    public static long Milli(ResourceQuantity q) => (long)Math.Ceiling(q.ToDecimal() * 1000m);

    public static long Value(ResourceQuantity q) => (long)Math.Ceiling(q.ToDecimal());
}
