using System.Diagnostics;
using KubeSharp.Proxy.Iptables;

namespace KubeSharp.Proxy.Tests.Infrastructure;

/// <summary>
/// A network namespace made by a test and held by an `unshare --net sleep` process, so it never appears under
/// /run/netns (whose bind mount interferes with containerd's namespaces, runtime-notes) and disappears with the
/// process, which the test kills by its own PID.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private readonly Process _holder;

    private NetworkNamespace(Process holder)
    {
        _holder = holder;
        Path = $"/proc/{holder.Id}/ns/net";
        Host = new HostCommand(["nsenter", $"--net={Path}"]);
    }

    public int Pid => _holder.Id;
    public string Path { get; }

    /// <summary>Runs commands inside the namespace.</summary>
    public HostCommand Host { get; }

    public static async Task<NetworkNamespace> CreateAsync()
    {
        var start = new ProcessStartInfo("unshare") { UseShellExecute = false };
        foreach (var a in new[] { "--net", "--", "sleep", "infinity" }) start.ArgumentList.Add(a);
        var holder = Process.Start(start) ?? throw new InvalidOperationException("cannot start unshare");
        var ns = new NetworkNamespace(holder);
        // unshare switches namespaces right after exec; wait until the holder's namespace differs from ours.
        var own = File.ResolveLinkTarget("/proc/self/ns/net", false)?.Name;
        for (var i = 0; i < 100; i++)
        {
            var target = File.ResolveLinkTarget(ns.Path, false)?.Name;
            if (target != null && target != own) break;
            await Task.Delay(20);
        }
        await ns.MustAsync("ip", "link", "set", "lo", "up");
        return ns;
    }

    /// <summary>Runs a command in the namespace and fails the test if it fails.</summary>
    public async Task<string> MustAsync(params string[] argv)
    {
        var result = await Host.RunAsync(argv, null, CancellationToken.None);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', argv)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }

    public Task<CommandResult> RunAsync(params string[] argv) => Host.RunAsync(argv, null, CancellationToken.None);

    /// <summary>Starts a long-running process inside the namespace; killed with the namespace.</summary>
    public Process Spawn(params string[] argv)
    {
        var start = new ProcessStartInfo("nsenter") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add($"--net={Path}");
        foreach (var a in argv) start.ArgumentList.Add(a);
        var p = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {argv[0]}");
        _children.Add(p);
        return p;
    }

    private readonly List<Process> _children = [];

    /// <summary>Moves one end of a new veth pair into <paramref name="peer"/>: returns nothing, names are the caller's.</summary>
    public async Task LinkAsync(NetworkNamespace peer, string localName, string localCidr, string peerName, string peerCidr)
    {
        await MustAsync("ip", "link", "add", localName, "type", "veth", "peer", "name", peerName, "netns", peer.Pid.ToString());
        await MustAsync("ip", "addr", "add", localCidr, "dev", localName);
        await MustAsync("ip", "link", "set", localName, "up");
        await peer.MustAsync("ip", "addr", "add", peerCidr, "dev", peerName);
        await peer.MustAsync("ip", "link", "set", peerName, "up");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            try
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            child.Dispose();
        }
        try
        {
            _holder.Kill();
            await _holder.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _holder.Dispose();
    }
}
