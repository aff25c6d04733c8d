using k8s.Models;
using KubeSharp.Kubelet.Nodes;

namespace KubeSharp.Kubelet;

/// <summary>
/// Settings of one kubelet (upstream's KubeletConfiguration and flags, the part KubeSharp implements). Everything
/// that names a host resource is a setting, so several kubelets can run side by side on one machine.
/// </summary>
public sealed record KubeletOptions
{
    /// <summary>Kubeconfig with the API server's address and this kubelet's credentials.</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>Name of the Node object (upstream: the hostname, lowercased, unless overridden).</summary>
    public required string NodeName { get; init; }

    /// <summary>Extra labels for the Node at registration (<c>--node-labels</c>).</summary>
    public IReadOnlyDictionary<string, string> NodeLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Taints the Node is registered with (<c>--register-with-taints</c>).</summary>
    public IReadOnlyList<V1Taint> RegisterWithTaints { get; init; } = [];

    /// <summary>The InternalIP address; null picks the first non-loopback IPv4 address of an interface that is up.</summary>
    public string? NodeIP { get; init; }

    /// <summary>The Hostname address and the hostname of hostNetwork pods; null uses the machine's host name.</summary>
    public string? Hostname { get; init; }

    /// <summary>Root of the kubelet's state: pods/&lt;uid&gt;/volumes, etc-hosts, termination logs.</summary>
    public string RootDir { get; init; } = "/var/lib/kubelet";

    /// <summary>Container logs go to &lt;PodLogsDir&gt;/&lt;ns&gt;_&lt;name&gt;_&lt;uid&gt;/&lt;container&gt;/&lt;attempt&gt;.log.</summary>
    public string PodLogsDir { get; init; } = "/var/log/pods";

    /// <summary>
    /// Name of the cgroup under which pod cgroups are made (cgroupfs driver): &lt;CgroupRoot&gt;/&lt;CgroupParent&gt;/
    /// [burstable|besteffort/]pod&lt;uid&gt;. Upstream calls it "kubepods".
    /// </summary>
    public string CgroupParent { get; init; } = "kubepods";

    /// <summary>Where the cgroup hierarchies are mounted; pod cgroups are created and removed under each controller.</summary>
    public string CgroupRoot { get; init; } = "/sys/fs/cgroup";

    /// <summary>False: the kubelet only names the cgroup parent for the runtime and creates no directories (fake runtimes).</summary>
    public bool ManagePodCgroups { get; init; } = true;

    /// <summary>Cluster DNS server addresses for ClusterFirst pods (<c>--cluster-dns</c>); empty falls back to Default.</summary>
    public IReadOnlyList<string> ClusterDns { get; init; } = [];

    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>The host's resolver configuration, used by dnsPolicy Default (and ClusterFirst's extra search domains).</summary>
    public string ResolvConf { get; init; } = "/etc/resolv.conf";

    /// <summary>Resources kept for the system (<c>--system-reserved</c>), subtracted from capacity.</summary>
    public IReadOnlyDictionary<string, ResourceQuantity> SystemReserved { get; init; } = new Dictionary<string, ResourceQuantity>();

    /// <summary>Resources kept for Kubernetes daemons (<c>--kube-reserved</c>), subtracted from capacity.</summary>
    public IReadOnlyDictionary<string, ResourceQuantity> KubeReserved { get; init; } = new Dictionary<string, ResourceQuantity>();

    /// <summary>
    /// Node-pressure eviction: thresholds (upstream defaults memory.available&lt;100Mi, nodefs.available&lt;10%,
    /// nodefs.inodesFree&lt;5%, imagefs.available&lt;15%, imagefs.inodesFree&lt;5%), which drive the MemoryPressure,
    /// DiskPressure and PIDPressure conditions and pod eviction; hard memory and nodefs thresholds are also
    /// subtracted from allocatable.
    /// </summary>
    public Eviction.EvictionPolicy Eviction { get; init; } = new();

    /// <summary>
    /// Source of the eviction signals; null reads the host (cgroups, statvfs), or the <see cref="ResourceProbe"/>
    /// when one is injected. Tests inject their own.
    /// </summary>
    public Eviction.IEvictionStatsProvider? EvictionStats { get; init; }

    public int MaxPods { get; init; } = 110;

    /// <summary>Port the kubelet's server listens on, reported in the Node's daemonEndpoints (0: a free port).</summary>
    public int Port { get; init; } = 10250;

    /// <summary>
    /// Serve the kubelet's HTTPS endpoint (logs, exec, attach, port-forward for the API server). The agent turns it
    /// on; tests of the sync loop on the fake runtime leave it off.
    /// </summary>
    public bool EnableServer { get; init; }

    /// <summary>Address the kubelet's server listens on.</summary>
    public System.Net.IPAddress ServerBindAddress { get; init; } = System.Net.IPAddress.Any;

    /// <summary>How long the Lease is valid (upstream 40 s); it is renewed every quarter of that (10 s).</summary>
    public TimeSpan NodeLeaseDuration { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>How often node status is computed, and written when it changed (upstream 10 s).</summary>
    public TimeSpan NodeStatusUpdateFrequency { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Node status is written at least this often even when nothing changed (upstream 1 min).</summary>
    public TimeSpan NodeStatusReportFrequency { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>PLEG relist period (upstream 1 s; containerd 1.6 has no event stream).</summary>
    public TimeSpan PlegRelistPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Every pod is synced at least this often (upstream's syncFrequency, 1 min).</summary>
    public TimeSpan SyncFrequency { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sandboxes created at the same time (runtime-notes "Many pods at once": the runtime is CPU-bound, so starting
    /// everything at once makes every pod late): one per core plus one that covers the runtime's waits. Only the
    /// sandbox holds a slot; volumes and containers of pods whose sandbox is up run alongside the next sandboxes
    /// (holding it through the whole start left the runtime idle: 30 pods took up to 1.37× the runtime's
    /// all-at-once time; docs/benchmarks.md).
    /// </summary>
    public int MaxParallelPodStarts { get; init; } = DefaultMaxParallelPodStarts;

    public static int DefaultMaxParallelPodStarts => Environment.ProcessorCount + 1;

    /// <summary>Pod workers: syncs of different pods in flight (starts are further bounded by MaxParallelPodStarts).</summary>
    public int PodWorkers { get; init; } = 16;

    /// <summary>CRI runtime handler for RunPodSandbox ("" = the runtime's default).</summary>
    public string RuntimeHandler { get; init; } = "";

    /// <summary>
    /// Called whenever the Node's spec.podCIDR becomes known or changes, before UpdateRuntimeConfig is sent to the
    /// runtime: the agent writes its CNI config here.
    /// </summary>
    public Func<string, CancellationToken, Task>? PodCidrChanged { get; init; }

    /// <summary>Reads memory, disk and PID figures of the host; replaceable in tests. Null: /proc and the root dir's filesystem.</summary>
    public INodeResourceProbe? ResourceProbe { get; init; }

    /// <summary>When and what unused images are deleted (image garbage collection).</summary>
    public ImageGc.ImageGcPolicy ImageGc { get; init; } = new();

    /// <summary>Filesystem capacity source for image GC; null reads the host (statfs). Tests inject a full disk.</summary>
    public ImageGc.IFilesystemStats? FilesystemStats { get; init; }

    /// <summary>User agent for API requests.</summary>
    public string UserAgent { get; init; } = "kubelet/v1.32 (kubesharp)";
}
