using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Network;

/// <summary>
/// Undoes what the node's pod network left on the host once every sandbox is gone (CNI DEL already removed each
/// pod's veth, IP reservation and iptables rules): the bridge itself and the IPAM data dir.
/// </summary>
public static class HostNetworkCleanup
{
    public static async Task RunAsync(AgentOptions options, CancellationToken ct)
    {
        if (Directory.Exists($"/sys/class/net/{options.BridgeName}"))
        {
            var ip = HostPrerequisites.Require("ip", "iproute2");
            await HostCommand.RunCheckedAsync(ip, ["link", "del", options.BridgeName], TimeSpan.FromSeconds(30), ct);
        }
        if (Directory.Exists(options.CniDataDir)) Directory.Delete(options.CniDataDir, recursive: true);
    }
}
