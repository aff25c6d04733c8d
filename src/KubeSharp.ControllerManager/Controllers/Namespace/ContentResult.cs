namespace KubeSharp.ControllerManager.Controllers.Namespace;

/// <summary>
/// One pass over a namespace's content: objects still listed after their delete (per resource), finalizers holding
/// them (finalizer → count) and resources whose list or delete failed. Feeds the namespace's status conditions.
/// </summary>
internal sealed class ContentResult
{
    public SortedDictionary<string, int> Remaining { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Finalizers { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public bool Empty => Remaining.Count == 0 && Failures.Count == 0;
}
