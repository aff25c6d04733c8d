using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// What the runtime has for one pod uid, rebuilt from CRI labels (so a restarted kubelet adopts running pods
/// instead of restarting them): sandboxes and container statuses, newest first. Immutable: the kubelet's own
/// changes make a new instance (<see cref="WithContainer"/>), so a cached one can be shared.
/// </summary>
internal sealed class RuntimePod
{
    public required string Uid { get; init; }

    public required IReadOnlyList<PodSandboxStatus> Sandboxes { get; init; }

    public required IReadOnlyList<ContainerStatus> Containers { get; init; }

    public PodSandboxStatus? LatestSandbox => Sandboxes.Count > 0 ? Sandboxes[0] : null;

    public bool IsEmpty => Sandboxes.Count == 0 && Containers.Count == 0;

    /// <summary>The newest container of that name, optionally only within one sandbox.</summary>
    public ContainerStatus? Latest(string name, string? sandboxId = null) =>
        Containers.FirstOrDefault(c => c.Metadata.Name == name && (sandboxId == null || SandboxOf(c) == sandboxId));

    /// <summary>The one before the newest (the source of lastState while the newest runs).</summary>
    public ContainerStatus? Previous(string name) => Containers.Where(c => c.Metadata.Name == name).Skip(1).FirstOrDefault();

    public string SandboxOf(ContainerStatus c) => _sandboxOf.GetValueOrDefault(c.Id, "");

    private Dictionary<string, string> _sandboxOf = [];

    public static async Task<RuntimePod> LoadAsync(IRuntimeService runtime, string uid, CancellationToken ct)
    {
        var sandboxFilter = new PodSandboxFilter();
        sandboxFilter.LabelSelector.Add(KubeletLabels.PodUid, uid);
        var sandboxes = new List<PodSandboxStatus>();
        foreach (var s in await runtime.ListPodSandboxAsync(sandboxFilter, ct))
        {
            if (await runtime.PodSandboxStatusAsync(s.Id, ct) is { } status) sandboxes.Add(status);
        }
        var containerFilter = new ContainerFilter();
        containerFilter.LabelSelector.Add(KubeletLabels.PodUid, uid);
        var containers = new List<ContainerStatus>();
        var sandboxOf = new Dictionary<string, string>();
        foreach (var c in await runtime.ListContainersAsync(containerFilter, ct))
        {
            if (await runtime.ContainerStatusAsync(c.Id, ct) is { } status)
            {
                containers.Add(status);
                sandboxOf[c.Id] = c.PodSandboxId;
            }
        }
        return Create(uid, sandboxes, containers, sandboxOf);
    }

    /// <summary>This pod plus a sandbox the kubelet just created (its status read right after), as a reload would show it.</summary>
    public RuntimePod WithSandbox(PodSandboxStatus sandbox) =>
        Create(Uid, [.. Sandboxes.Where(s => s.Id != sandbox.Id), sandbox], Containers, _sandboxOf);

    /// <summary>This pod plus a container the kubelet just started in <paramref name="sandboxId"/>, as a reload would show it.</summary>
    public RuntimePod WithContainer(ContainerStatus container, string sandboxId) =>
        Create(Uid, Sandboxes, [.. Containers.Where(c => c.Id != container.Id), container], new Dictionary<string, string>(_sandboxOf) { [container.Id] = sandboxId });

    /// <summary>This pod without a container the kubelet just removed.</summary>
    public RuntimePod WithoutContainer(string containerId) =>
        Create(Uid, Sandboxes, Containers.Where(c => c.Id != containerId).ToList(), _sandboxOf);

    private static RuntimePod Create(string uid, IEnumerable<PodSandboxStatus> sandboxes, IEnumerable<ContainerStatus> containers, Dictionary<string, string> sandboxOf) => new()
    {
        Uid = uid,
        Sandboxes = sandboxes.OrderByDescending(s => s.CreatedAt).ToList(),
        Containers = containers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Metadata.Attempt).ToList(),
        _sandboxOf = sandboxOf,
    };

    /// <summary>CRI nanoseconds as the API's whole-second time (metav1.Time has second precision, so statuses compare stably).</summary>
    public static DateTime? Time(long nanos) => nanos <= 0 ? null : DateTime.UnixEpoch.AddSeconds(nanos / 1_000_000_000);
}
