using System.Net;
using System.Net.Sockets;

namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>
/// Picks a loopback port nobody listens on. Other engineers run servers on this machine, so a fixed port would
/// collide; the small race between releasing the port and the server binding it is covered by a retry in the caller.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
