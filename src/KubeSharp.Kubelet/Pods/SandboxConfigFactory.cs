using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>A pod's PodSandboxConfig as upstream's generatePodSandboxConfig fills it.</summary>
internal sealed class SandboxConfigFactory(DnsConfigurer dns, string nodeHostname)
{
    public PodSandboxConfig Create(V1Pod pod, uint attempt, string logDirectory, string cgroupParent)
    {
        var meta = pod.Metadata;
        var hostNetwork = pod.Spec.HostNetwork == true;
        var config = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = meta.Name, Namespace = meta.NamespaceProperty, Uid = meta.Uid, Attempt = attempt },
            Hostname = hostNetwork ? nodeHostname : Hostname(pod),
            LogDirectory = logDirectory,
            DnsConfig = dns.For(pod),
            Linux = new LinuxPodSandboxConfig
            {
                CgroupParent = cgroupParent,
                SecurityContext = new LinuxSandboxSecurityContext
                {
                    NamespaceOptions = new NamespaceOption
                    {
                        Network = hostNetwork ? NamespaceMode.Node : NamespaceMode.Pod,
                        Pid = pod.Spec.HostPID == true ? NamespaceMode.Node : NamespaceMode.Container,
                        Ipc = pod.Spec.HostIPC == true ? NamespaceMode.Node : NamespaceMode.Pod,
                    },
                    Privileged = (pod.Spec.Containers ?? []).Concat(pod.Spec.InitContainers ?? []).Any(c => c.SecurityContext?.Privileged == true),
                    Seccomp = new SecurityProfile { ProfileType = SecurityProfile.Types.ProfileType.Unconfined },
                },
            },
        };
        var psc = pod.Spec.SecurityContext;
        if (psc?.RunAsUser is { } uid) config.Linux.SecurityContext.RunAsUser = new Int64Value { Value = uid };
        if (psc?.RunAsGroup is { } gid) config.Linux.SecurityContext.RunAsGroup = new Int64Value { Value = gid };
        if (psc?.FsGroup is { } fsGroup) config.Linux.SecurityContext.SupplementalGroups.Add(fsGroup);
        foreach (var g in psc?.SupplementalGroups ?? []) if (g is { } group) config.Linux.SecurityContext.SupplementalGroups.Add(group);
        foreach (var sysctl in psc?.Sysctls ?? []) config.Linux.Sysctls[sysctl.Name] = sysctl.Value;
        if (pod.Spec.ShareProcessNamespace == true) config.Linux.SecurityContext.NamespaceOptions.Pid = NamespaceMode.Pod;

        foreach (var (key, value) in meta.Labels ?? new Dictionary<string, string>()) config.Labels[key] = value;
        config.Labels[KubeletLabels.PodName] = meta.Name;
        config.Labels[KubeletLabels.PodNamespace] = meta.NamespaceProperty;
        config.Labels[KubeletLabels.PodUid] = meta.Uid;
        foreach (var (key, value) in meta.Annotations ?? new Dictionary<string, string>()) config.Annotations[key] = value;

        foreach (var container in pod.Spec.Containers ?? [])
        {
            foreach (var port in container.Ports ?? [])
            {
                if (port.HostPort is not > 0) continue;
                config.PortMappings.Add(new PortMapping
                {
                    Protocol = port.Protocol switch { "UDP" => Protocol.Udp, "SCTP" => Protocol.Sctp, _ => Protocol.Tcp },
                    ContainerPort = port.ContainerPort,
                    HostPort = port.HostPort.Value,
                    HostIp = port.HostIP ?? "",
                });
            }
        }
        return config;
    }

    /// <summary>spec.hostname or the pod name, cut to the 63 characters a hostname may have (upstream's GeneratePodHostNameAndDomain).</summary>
    public static string Hostname(V1Pod pod)
    {
        var name = string.IsNullOrEmpty(pod.Spec.Hostname) ? pod.Metadata.Name : pod.Spec.Hostname;
        if (name.Length > 63) name = name[..63].TrimEnd('-', '.');
        return name;
    }
}
