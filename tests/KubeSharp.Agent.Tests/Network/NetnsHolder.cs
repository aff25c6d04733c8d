using System.Diagnostics;
using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Tests.Network;

/// <summary>
/// A private network namespace held open by an <c>unshare --net sleep infinity</c> child, with a veth pair
/// (v0 10.99.0.1/24 ↔ v1) so that gateways in 10.99.0.0/24 are on-link. Commands enter it through
/// <see cref="Prefix"/>; disposal kills the holder by its PID, which removes the namespace and its routes.
/// </summary>
public sealed class NetnsHolder : IAsyncDisposable
{
    private readonly Process _holder;

    private NetnsHolder(Process holder) => _holder = holder;

    public IReadOnlyList<string> Prefix => ["nsenter", $"--net=/proc/{_holder.Id}/ns/net"];

    public static async Task<NetnsHolder> CreateAsync()
    {
        var holder = Process.Start(new ProcessStartInfo("unshare", ["--net", "sleep", "infinity"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("unshare did not start");
        var ns = new NetnsHolder(holder);
        try
        {
            // unshare execs sleep only after entering the new namespace: wait until the link differs from ours.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (ReadLink($"/proc/{holder.Id}/ns/net") == ReadLink("/proc/self/ns/net"))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("network namespace did not appear");
                await Task.Delay(20);
            }
            await ns.IpAsync("link", "add", "v0", "type", "veth", "peer", "name", "v1");
            await ns.IpAsync("addr", "add", "10.99.0.1/24", "dev", "v0");
            await ns.IpAsync("link", "set", "v0", "up");
            await ns.IpAsync("link", "set", "v1", "up");
            return ns;
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
    }

    public async Task<string> IpAsync(params string[] args) =>
        await HostCommand.RunCheckedAsync(Prefix[0], Prefix.Skip(1).Append("ip").Concat(args), TimeSpan.FromSeconds(10), CancellationToken.None);

    private static string? ReadLink(string path) => new FileInfo(path).LinkTarget;

    public async ValueTask DisposeAsync()
    {
        try
        {
            _holder.Kill();
            await _holder.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }
        _holder.Dispose();
    }
}
