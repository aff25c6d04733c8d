namespace KubeSharp.Scheduler.Plugins.InterPodAffinity;

/// <summary>A topology domain: a node label key and one of its values (e.g. zone=a).</summary>
internal readonly record struct TopologyPair(string Key, string Value);
