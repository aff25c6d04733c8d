namespace KubeSharp.Kubelet.Eviction;

/// <summary>
/// The pressure conditions the eviction manager decided (transition period included); the node status reads them.
/// Written by one loop, read by another: the set is replaced whole.
/// </summary>
public sealed class NodePressure
{
    private volatile IReadOnlySet<string> _conditions = new HashSet<string>();

    public bool Memory => _conditions.Contains("MemoryPressure");

    public bool Disk => _conditions.Contains("DiskPressure");

    public bool Pid => _conditions.Contains("PIDPressure");

    public IReadOnlySet<string> Conditions => _conditions;

    public void Set(IEnumerable<string> conditions) => _conditions = new HashSet<string>(conditions, StringComparer.Ordinal);
}
