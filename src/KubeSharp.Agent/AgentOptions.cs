namespace KubeSharp.Agent;

/// <summary>
/// Everything the node runtime plumbing needs. Every host resource (directories, socket, bridge, CIDR, ports) comes
/// from here, so that several agents (tests, simulated nodes) run side by side on one machine.
/// </summary>
public sealed record AgentOptions
{
    public const string DefaultDataDir = "/var/lib/kubesharp/agent";

    /// <summary>Root of all agent state: containerd root/state/socket/log, CNI config and IPAM data, image caches.</summary>
    public string DataDir { get; init; } = DefaultDataDir;

    /// <summary>Use this CRI endpoint (unix:///path) instead of starting an own containerd.</summary>
    public string? ContainerRuntimeEndpoint { get; init; }

    /// <summary>Linux bridge the CNI bridge plugin creates for pods (at most 15 characters).</summary>
    public string BridgeName { get; init; } = "kubesharp0";

    /// <summary>Pods of this node get their IP from here (host-local IPAM). The first address is the gateway.</summary>
    public string PodCidr { get; init; } = "10.244.0.0/24";

    /// <summary>CNI network name; containerd and host-local key their state by it.</summary>
    public string NetworkName { get; init; } = "kubesharp";

    /// <summary>Where exec/attach/port-forward URLs point; a node inside a network namespace sets its own IP.</summary>
    public string StreamServerAddress { get; init; } = "127.0.0.1";

    /// <summary>0 = a free port chosen by containerd.</summary>
    public int StreamServerPort { get; init; }

    /// <summary>
    /// Routing protocol number of the host-gw routes to other nodes' pod CIDRs (<c>ip route ... proto N</c>, 1-255);
    /// 0 = no host-gw routes. Agents of different clusters on one host need different numbers: each removes the
    /// routes with its number that its own Node list does not want.
    /// </summary>
    public int HostGwRouteProtocol { get; init; }

    /// <summary>The pod sandbox ("pause") image: built locally from catatonit and imported at start.</summary>
    public string SandboxImage { get; init; } = Images.LocalImages.PauseImage;

    /// <summary>Directory with the CNI plugin binaries (Debian's containernetworking-plugins).</summary>
    public string CniBinDir { get; init; } = "/usr/lib/cni";

    /// <summary>Prefix for the containerd command line, e.g. <c>nsenter --net=/run/netns/node1</c> for a node in a
    /// network namespace (not <c>ip netns exec</c>: it remounts /sys without the cgroup mounts).</summary>
    public IReadOnlyList<string> ContainerdCommandPrefix { get; init; } = [];

    /// <summary>containerd's log level (info keeps the log useful without flooding it).</summary>
    public string ContainerdLogLevel { get; init; } = "info";

    /// <summary>How long to wait for containerd's CRI socket to report RuntimeReady after a (re)start.</summary>
    public TimeSpan ContainerdStartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First and longest delay between restarts of a containerd that died.</summary>
    public TimeSpan RestartBackoffInitial { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RestartBackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    public string ContainerdDir => Path.Combine(DataDir, "containerd");
    public string ContainerdRoot => Path.Combine(ContainerdDir, "root");
    public string ContainerdState => Path.Combine(ContainerdDir, "state");
    public string ContainerdConfigPath => Path.Combine(ContainerdDir, "config.toml");
    public string ContainerdLogPath => Path.Combine(ContainerdDir, "containerd.log");
    public string ContainerdSocket => Path.Combine(ContainerdDir, "containerd.sock");
    /// <summary>runc's state; the default (/run/containerd/runc) would be shared by every containerd on the machine.</summary>
    public string RuncRoot => Path.Combine(ContainerdState, "runc");
    /// <summary>containerd's registry host configs (<c>HOST/hosts.toml</c>).</summary>
    public string RegistryConfigDir => Path.Combine(DataDir, "registry.d");
    /// <summary>Mirrors, credentials and TLS settings of registries (k3s' registries.yaml format), read at start.</summary>
    public string RegistriesConfigPath => Path.Combine(DataDir, "registries.yaml");
    public string CniConfDir => Path.Combine(DataDir, "cni", "net.d");
    public string CniDataDir => Path.Combine(DataDir, "cni", "ipam");
    /// <summary>Image archives the user drops here are imported at every start.</summary>
    public string ImagesDir => Path.Combine(DataDir, "images");
    /// <summary>Locally built images (pause, busybox), rebuilt when their source binary changes.</summary>
    public string ImageCacheDir => Path.Combine(DataDir, "cache", "images");

    /// <summary>The CRI endpoint the kubelet uses: the override, or the own containerd's socket.</summary>
    public string CriEndpoint => ContainerRuntimeEndpoint ?? "unix://" + ContainerdSocket;

    /// <summary>Rejects options that would fail later in confusing ways (socket path length, bridge name).</summary>
    public void Validate()
    {
        if (!Path.IsPathRooted(DataDir)) throw new ArgumentException($"data dir \"{DataDir}\" must be an absolute path");
        // sun_path holds 108 bytes; containerd also binds SOCKET.ttrpc next to it.
        if (ContainerRuntimeEndpoint is null && System.Text.Encoding.UTF8.GetByteCount(ContainerdSocket) + ".ttrpc".Length > 107)
            throw new ArgumentException($"data dir \"{DataDir}\" is too long: the containerd socket path would exceed the 107 bytes a Unix socket allows");
        if (BridgeName.Length is 0 or > 15 || BridgeName.Any(c => c is '/' or ' ' or ':'))
            throw new ArgumentException($"bridge name \"{BridgeName}\" must be 1-15 characters without '/', ':' or spaces");
        // The address must be the network's own (no host bits), as the Node's spec.podCIDR is.
        if (!System.Net.IPNetwork.TryParse(PodCidr, out var cidr) || cidr.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork ||
            cidr.PrefixLength > 30 || cidr.ToString() != PodCidr)
            throw new ArgumentException($"pod CIDR \"{PodCidr}\" must be an IPv4 network of /30 or larger, such as 10.244.1.0/24");
        if (HostGwRouteProtocol is < 0 or > 255) throw new ArgumentException($"host-gw route protocol {HostGwRouteProtocol} must be 0 (off) or 1-255");
        if (StreamServerPort is < 0 or > 65535) throw new ArgumentException($"stream server port {StreamServerPort} is out of range");
    }
}
