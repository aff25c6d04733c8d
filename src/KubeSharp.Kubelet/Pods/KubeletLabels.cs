namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Labels and annotations the kubelet puts on sandboxes and containers (upstream's names), so that a restarted
/// kubelet can rebuild every pod's state from the runtime alone.
/// </summary>
internal static class KubeletLabels
{
    public const string PodName = "io.kubernetes.pod.name";
    public const string PodNamespace = "io.kubernetes.pod.namespace";
    public const string PodUid = "io.kubernetes.pod.uid";
    public const string ContainerName = "io.kubernetes.container.name";

    public const string ContainerHash = "io.kubernetes.container.hash";
    public const string RestartCount = "io.kubernetes.container.restartCount";
    public const string TerminationMessagePath = "io.kubernetes.container.terminationMessagePath";
    public const string TerminationMessagePolicy = "io.kubernetes.container.terminationMessagePolicy";
    public const string GracePeriod = "io.kubernetes.pod.terminationGracePeriod";
    public const string PreStopHandler = "io.kubernetes.container.preStopHandler";

    /// <summary>Ours: "init" or "app", so status computation never guesses from names.</summary>
    public const string ContainerType = "io.kubesharp.container.type";
}
