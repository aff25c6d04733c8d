using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Kubelet.Cri.V1;
using KubeSharp.Kubelet.Volumes;

namespace KubeSharp.Kubelet.Pods;

/// <summary>A container's ContainerConfig as upstream's generateContainerConfig fills it.</summary>
internal sealed class ContainerConfigFactory(PodDirs dirs, long nodeMemoryCapacity)
{
    public sealed record Input(
        V1Pod Pod,
        V1Container Container,
        bool IsInit,
        uint Attempt,
        IReadOnlyList<(string Name, string Value)> Env,
        IReadOnlyDictionary<string, string> VolumePaths,
        string? EtcHostsPath);

    public ContainerConfig Create(Input input)
    {
        var (pod, c) = (input.Pod, input.Container);
        var env = input.Env.ToDictionary(e => e.Name, e => e.Value);
        string? Lookup(string name) => env.TryGetValue(name, out var v) ? v : null;

        var config = new ContainerConfig
        {
            Metadata = new ContainerMetadata { Name = c.Name, Attempt = input.Attempt },
            Image = new ImageSpec { Image = c.Image, UserSpecifiedImage = c.Image },
            WorkingDir = c.WorkingDir ?? "",
            LogPath = $"{c.Name}/{input.Attempt.ToString(CultureInfo.InvariantCulture)}.log",
            Stdin = c.Stdin == true,
            StdinOnce = c.StdinOnce == true,
            Tty = c.Tty == true,
            Linux = new LinuxContainerConfig
            {
                Resources = ContainerResources.For(c, QosClass.Of(pod), nodeMemoryCapacity),
                SecurityContext = SecurityContext(pod, c),
            },
        };
        foreach (var part in c.Command ?? []) config.Command.Add(EnvExpansion.Expand(part, Lookup));
        foreach (var part in c.Args ?? []) config.Args.Add(EnvExpansion.Expand(part, Lookup));
        foreach (var (name, value) in input.Env) config.Envs.Add(new KeyValue { Key = name, Value = ByteString.CopyFromUtf8(value) });
        AddMounts(config, input);

        config.Labels[KubeletLabels.PodName] = pod.Metadata.Name;
        config.Labels[KubeletLabels.PodNamespace] = pod.Metadata.NamespaceProperty;
        config.Labels[KubeletLabels.PodUid] = pod.Metadata.Uid;
        config.Labels[KubeletLabels.ContainerName] = c.Name;
        config.Annotations[KubeletLabels.ContainerHash] = Hash(c);
        config.Annotations[KubeletLabels.RestartCount] = input.Attempt.ToString(CultureInfo.InvariantCulture);
        config.Annotations[KubeletLabels.TerminationMessagePath] = c.TerminationMessagePath ?? "/dev/termination-log";
        config.Annotations[KubeletLabels.TerminationMessagePolicy] = c.TerminationMessagePolicy ?? "File";
        config.Annotations[KubeletLabels.GracePeriod] = (pod.Spec.TerminationGracePeriodSeconds ?? 30).ToString(CultureInfo.InvariantCulture);
        config.Annotations[KubeletLabels.ContainerType] = input.IsInit ? "init" : "app";
        if (c.Lifecycle?.PreStop != null) config.Annotations[KubeletLabels.PreStopHandler] = KubeJson.SerializeToString(c.Lifecycle.PreStop);
        return config;
    }

    private void AddMounts(ContainerConfig config, Input input)
    {
        var c = input.Container;
        var mountsEtcHosts = false;
        foreach (var mount in c.VolumeMounts ?? [])
        {
            if (!input.VolumePaths.TryGetValue(mount.Name, out var hostPath))
            {
                throw new ContainerConfigException($"volume \"{mount.Name}\" of mount {mount.MountPath} is not defined");
            }
            var subPath = mount.SubPath;
            if (!string.IsNullOrEmpty(mount.SubPathExpr))
            {
                var env = input.Env.ToDictionary(e => e.Name, e => e.Value);
                subPath = EnvExpansion.Expand(mount.SubPathExpr, n => env.TryGetValue(n, out var v) ? v : null);
            }
            if (!string.IsNullOrEmpty(subPath))
            {
                if (subPath.StartsWith('/') || subPath.Split('/').Contains("..")) throw new ContainerConfigException($"invalid subPath \"{subPath}\"");
                hostPath = Path.Combine(hostPath, subPath);
                if (!File.Exists(hostPath) && !Directory.Exists(hostPath)) Directory.CreateDirectory(hostPath);
            }
            if (mount.MountPath == "/etc/hosts") mountsEtcHosts = true;
            config.Mounts.Add(new Mount
            {
                ContainerPath = mount.MountPath,
                HostPath = hostPath,
                Readonly = mount.ReadOnlyProperty == true,
                Propagation = mount.MountPropagation switch
                {
                    "HostToContainer" => MountPropagation.PropagationHostToContainer,
                    "Bidirectional" => MountPropagation.PropagationBidirectional,
                    _ => MountPropagation.PropagationPrivate,
                },
            });
        }
        // Upstream manages /etc/hosts for pods in their own network namespace (the pod IP under its hostname).
        if (input.EtcHostsPath != null && !mountsEtcHosts)
        {
            config.Mounts.Add(new Mount { ContainerPath = "/etc/hosts", HostPath = input.EtcHostsPath });
        }
        var terminationPath = c.TerminationMessagePath ?? "/dev/termination-log";
        if (terminationPath.Length > 0)
        {
            var hostLog = dirs.TerminationLog(input.Pod.Metadata.Uid, c.Name, input.Attempt);
            Directory.CreateDirectory(Path.GetDirectoryName(hostLog)!);
            if (!File.Exists(hostLog)) File.WriteAllBytes(hostLog, []);
            config.Mounts.Add(new Mount { ContainerPath = terminationPath, HostPath = hostLog });
        }
    }

    private static LinuxContainerSecurityContext SecurityContext(V1Pod pod, V1Container c)
    {
        var psc = pod.Spec.SecurityContext;
        var sc = c.SecurityContext;
        var result = new LinuxContainerSecurityContext
        {
            Privileged = sc?.Privileged == true,
            ReadonlyRootfs = sc?.ReadOnlyRootFilesystem == true,
            NoNewPrivs = sc?.AllowPrivilegeEscalation == false,
            NamespaceOptions = new NamespaceOption
            {
                Network = pod.Spec.HostNetwork == true ? NamespaceMode.Node : NamespaceMode.Pod,
                Pid = pod.Spec.HostPID == true ? NamespaceMode.Node : pod.Spec.ShareProcessNamespace == true ? NamespaceMode.Pod : NamespaceMode.Container,
                Ipc = pod.Spec.HostIPC == true ? NamespaceMode.Node : NamespaceMode.Pod,
            },
            Seccomp = new SecurityProfile { ProfileType = SecurityProfile.Types.ProfileType.Unconfined },
        };
        if ((sc?.RunAsUser ?? psc?.RunAsUser) is { } uid) result.RunAsUser = new Int64Value { Value = uid };
        if ((sc?.RunAsGroup ?? psc?.RunAsGroup) is { } gid) result.RunAsGroup = new Int64Value { Value = gid };
        if (psc?.FsGroup is { } fsGroup) result.SupplementalGroups.Add(fsGroup);
        foreach (var g in psc?.SupplementalGroups ?? []) if (g is { } group) result.SupplementalGroups.Add(group);
        if (sc?.Capabilities is { } caps)
        {
            result.Capabilities = new Capability();
            // Upstream passes capability names with the CAP_ prefix the runtime expects.
            foreach (var add in caps.Add ?? []) result.Capabilities.AddCapabilities.Add(CapName(add));
            foreach (var drop in caps.Drop ?? []) result.Capabilities.DropCapabilities.Add(CapName(drop));
        }
        if (!result.Privileged)
        {
            // Upstream's default masked and read-only proc paths for unprivileged containers.
            result.MaskedPaths.Add(["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"]);
            result.ReadonlyPaths.Add(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]);
        }
        return result;
    }

    private static string CapName(string name) =>
        name.Equals("ALL", StringComparison.OrdinalIgnoreCase) ? "ALL" :
        name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? name.ToUpperInvariant() : "CAP_" + name.ToUpperInvariant();

    /// <summary>
    /// A change of the container's image (the one mutable field that needs a new container) restarts it, as
    /// upstream's hash does. Only name and image are hashed: serializing the whole spec would change with
    /// defaulting and empty-versus-null details and restart containers for nothing.
    /// </summary>
    public static string Hash(V1Container container)
    {
        var json = container.Name + "\n" + container.Image;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16].ToLowerInvariant();
    }
}
