using k8s.Models;

namespace KubeSharp.Scheduler.Cache;

/// <summary>
/// Amounts of schedulable resources (upstream framework.Resource): cpu in millicores, the rest in base units;
/// any other resource name (extended resources, hugepages) is a scalar.
/// </summary>
public sealed class Resource
{
    public long MilliCpu { get; set; }

    public long Memory { get; set; }

    public long EphemeralStorage { get; set; }

    public long AllowedPodNumber { get; set; }

    public Dictionary<string, long> Scalars { get; } = new(StringComparer.Ordinal);

    public const string Cpu = "cpu";
    public const string MemoryName = "memory";
    public const string EphemeralStorageName = "ephemeral-storage";
    public const string Pods = "pods";

    public bool IsZero => MilliCpu == 0 && Memory == 0 && EphemeralStorage == 0 && (Scalars.Count == 0 || ScalarsZero());

    private bool ScalarsZero()
    {
        foreach (var v in Scalars.Values)
        {
            if (v != 0) return false;
        }
        return true;
    }

    public static Resource From(IDictionary<string, ResourceQuantity>? list)
    {
        var r = new Resource();
        if (list == null) return r;
        foreach (var (name, q) in list) r.Set(name, name == Cpu ? Quantities.Milli(q) : Quantities.Value(q));
        return r;
    }

    public long Get(string name) => name switch
    {
        Cpu => MilliCpu,
        MemoryName => Memory,
        EphemeralStorageName => EphemeralStorage,
        Pods => AllowedPodNumber,
        _ => Scalars.TryGetValue(name, out var v) ? v : 0,
    };

    public void Set(string name, long value)
    {
        switch (name)
        {
            case Cpu: MilliCpu = value; break;
            case MemoryName: Memory = value; break;
            case EphemeralStorageName: EphemeralStorage = value; break;
            case Pods: AllowedPodNumber = value; break;
            default: Scalars[name] = value; break;
        }
    }

    public void Add(Resource other, int sign = 1)
    {
        MilliCpu += sign * other.MilliCpu;
        Memory += sign * other.Memory;
        EphemeralStorage += sign * other.EphemeralStorage;
        AllowedPodNumber += sign * other.AllowedPodNumber;
        foreach (var (k, v) in other.Scalars) Scalars[k] = (Scalars.TryGetValue(k, out var cur) ? cur : 0) + sign * v;
    }

    /// <summary>Raises each amount to at least <paramref name="other"/>'s (used for init containers).</summary>
    public void Max(Resource other)
    {
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        foreach (var (k, v) in other.Scalars) Scalars[k] = Math.Max(Scalars.TryGetValue(k, out var cur) ? cur : 0, v);
    }

    public Resource Clone()
    {
        var c = new Resource { MilliCpu = MilliCpu, Memory = Memory, EphemeralStorage = EphemeralStorage, AllowedPodNumber = AllowedPodNumber };
        foreach (var (k, v) in Scalars) c.Scalars[k] = v;
        return c;
    }
}
