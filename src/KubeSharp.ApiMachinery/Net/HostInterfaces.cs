using System.Net.NetworkInformation;

namespace KubeSharp.ApiMachinery.Net;

/// <summary>The host's network interfaces, for the API server's advertise address and the kubelet's node IP.</summary>
public static class HostInterfaces
{
    /// <summary>
    /// .NET reads the interfaces from netlink and throws when one changes while it reads (a veth or bridge being
    /// created or removed by a CNI plugin on this node, seen as "An invalid IP address was specified"): read again
    /// a few times before giving up.
    /// </summary>
    public static NetworkInterface[] Read()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return NetworkInterface.GetAllNetworkInterfaces();
            }
            catch (Exception e) when (attempt < 5 && e is ArgumentException or NetworkInformationException)
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }
}
