namespace KubeSharp.Scheduler.Plugins.NodeResourcesFit;

/// <summary>Upstream NodeResourcesFitArgs (kubescheduler.config.k8s.io/v1), with its defaults.</summary>
public sealed record NodeResourcesFitArgs
{
    /// <summary>Extended resources Filter does not check (e.g. ones an extender or device plugin handles).</summary>
    public IReadOnlyList<string> IgnoredResources { get; init; } = [];

    /// <summary>Extended resource groups (the part before '/') Filter does not check.</summary>
    public IReadOnlyList<string> IgnoredResourceGroups { get; init; } = [];

    public ScoringStrategy ScoringStrategy { get; init; } = new();
}

/// <summary>How NodeResourcesFit scores: LeastAllocated (spread), MostAllocated (pack) or RequestedToCapacityRatio (a shape).</summary>
public sealed record ScoringStrategy
{
    public const string LeastAllocated = "LeastAllocated";
    public const string MostAllocated = "MostAllocated";
    public const string RequestedToCapacityRatio = "RequestedToCapacityRatio";

    public string Type { get; init; } = LeastAllocated;

    /// <summary>Resources scored and their weights (default cpu 1, memory 1).</summary>
    public IReadOnlyList<ResourceSpec> Resources { get; init; } = [new(Cache.Resource.Cpu, 1), new(Cache.Resource.MemoryName, 1)];

    /// <summary>RequestedToCapacityRatio's points: utilization 0-100 (increasing) → score 0-10.</summary>
    public IReadOnlyList<UtilizationShapePoint> Shape { get; init; } = [];
}

public sealed record ResourceSpec(string Name, long Weight);

public sealed record UtilizationShapePoint(int Utilization, int Score);
