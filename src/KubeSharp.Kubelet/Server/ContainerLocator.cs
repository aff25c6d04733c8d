using KubeSharp.Kubelet.Cri;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Server;

/// <summary>
/// Finds a pod's sandbox and containers in the runtime by the labels the kubelet puts on them (upstream's
/// io.kubernetes.* keys), so the streaming endpoints need nothing but CRI: they keep working for pods the kubelet
/// adopted after a restart, and they see exactly what runs.
/// </summary>
public sealed class ContainerLocator(IRuntimeService runtime)
{
    public const string PodNameLabel = "io.kubernetes.pod.name";
    public const string PodNamespaceLabel = "io.kubernetes.pod.namespace";
    public const string ContainerNameLabel = "io.kubernetes.container.name";

    /// <summary>The ready sandbox of the pod, or null.</summary>
    public async Task<PodSandbox?> SandboxAsync(string ns, string pod, CancellationToken ct)
    {
        var filter = new PodSandboxFilter { State = new PodSandboxStateValue { State = PodSandboxState.SandboxReady } };
        filter.LabelSelector.Add(PodNamespaceLabel, ns);
        filter.LabelSelector.Add(PodNameLabel, pod);
        var sandboxes = await runtime.ListPodSandboxAsync(filter, ct);
        return sandboxes.OrderByDescending(s => s.CreatedAt).FirstOrDefault();
    }

    /// <summary>
    /// Every instance of the named container of the pod, newest attempt first (index 0 is the current one,
    /// index 1 the "previous" one `kubectl logs -p` asks for).
    /// </summary>
    public async Task<IReadOnlyList<Container>> ContainersAsync(string ns, string pod, string container, CancellationToken ct)
    {
        var filter = new ContainerFilter();
        filter.LabelSelector.Add(PodNamespaceLabel, ns);
        filter.LabelSelector.Add(PodNameLabel, pod);
        filter.LabelSelector.Add(ContainerNameLabel, container);
        var all = await runtime.ListContainersAsync(filter, ct);
        return all.OrderByDescending(c => c.Metadata?.Attempt ?? 0).ThenByDescending(c => c.CreatedAt).ToList();
    }

    /// <summary>The running instance of the container, or null.</summary>
    public async Task<Container?> RunningAsync(string ns, string pod, string container, CancellationToken ct)
    {
        var instances = await ContainersAsync(ns, pod, container, ct);
        return instances.FirstOrDefault(c => c.State == ContainerState.ContainerRunning);
    }
}
