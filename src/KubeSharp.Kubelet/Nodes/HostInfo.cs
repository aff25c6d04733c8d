using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace KubeSharp.Kubelet.Nodes;

/// <summary>Static facts about the host for the Node's nodeInfo and addresses (read once at start).</summary>
internal sealed record HostInfo(string MachineId, string SystemUuid, string BootId, string KernelVersion, string OsImage, string Architecture)
{
    public static HostInfo Read() => new(
        ReadOrEmpty("/etc/machine-id"),
        ReadOrEmpty("/sys/class/dmi/id/product_uuid"),
        ReadOrEmpty("/proc/sys/kernel/random/boot_id"),
        ReadOrEmpty("/proc/sys/kernel/osrelease"),
        ReadOsImage(),
        Arch());

    /// <summary>PRETTY_NAME from /etc/os-release, as upstream's cadvisor reports it.</summary>
    private static string ReadOsImage()
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/os-release"))
            {
                if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) return line["PRETTY_NAME=".Length..].Trim('"');
            }
        }
        catch (IOException)
        {
        }
        return "Linux";
    }

    private static string Arch() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The first IPv4 address of an interface that is up and not loopback.</summary>
    public static string DetectNodeIp()
    {
        foreach (var nic in KubeSharp.ApiMachinery.Net.HostInterfaces.Read())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback) continue;
            foreach (var address in nic.GetIPProperties().UnicastAddresses)
            {
                if (address.Address.AddressFamily == AddressFamily.InterNetwork) return address.Address.ToString();
            }
        }
        return "127.0.0.1";
    }
}
