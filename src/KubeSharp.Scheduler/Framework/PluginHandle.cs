namespace KubeSharp.Scheduler.Framework;

/// <summary>What a plugin factory may use (upstream framework.Handle, the part needed so far).</summary>
public sealed record PluginHandle(IPodBinder Binder, TimeProvider Time, IPodPreemptor Preemptor)
{
    public IClusterObjects Cluster { get; init; } = NoClusterObjects.Instance;
}
