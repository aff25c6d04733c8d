namespace KubeSharp.Scheduler.Plugins;

/// <summary>Plugin names, as upstream's names.go spells them (they appear in configuration and logs).</summary>
public static class PluginNames
{
    public const string NodeUnschedulable = "NodeUnschedulable";
    public const string NodeName = "NodeName";
    public const string NodeAffinity = "NodeAffinity";
    public const string TaintToleration = "TaintToleration";
    public const string NodeResourcesFit = "NodeResourcesFit";
    public const string NodeResourcesBalancedAllocation = "NodeResourcesBalancedAllocation";
    public const string NodePorts = "NodePorts";
    public const string PodTopologySpread = "PodTopologySpread";
    public const string InterPodAffinity = "InterPodAffinity";
    public const string ImageLocality = "ImageLocality";
    public const string DefaultPreemption = "DefaultPreemption";
    public const string DefaultBinder = "DefaultBinder";
    public const string PrioritySort = "PrioritySort";
    public const string SchedulingGates = "SchedulingGates";
}
