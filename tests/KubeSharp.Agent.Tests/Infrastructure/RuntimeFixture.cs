using KubeSharp.Agent.Host;
using KubeSharp.Agent.Network;
using KubeSharp.Kubelet.Cri;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeSharp.Agent.Tests.Infrastructure;

/// <summary>
/// A real node runtime (own containerd, CNI bridge, imported images) with its own data dir, socket, bridge and pod
/// CIDR. Disposal cleans up even after failed tests: sandboxes are removed first (CNI DEL frees their IPs and
/// iptables rules), then containerd stops, then the bridge, the IPAM data and the data dir go.
/// </summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    private NodeRuntime? _runtime;

    public AgentOptions Options { get; private set; } = null!;
    public NodeRuntime Runtime => _runtime ?? throw new InvalidOperationException("runtime not started");
    public GrpcCriClient Cri => Runtime.Cri;
    /// <summary>How long NodeRuntime.StartAsync took (images, containerd start, imports).</summary>
    public TimeSpan StartDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var suffix = TestHost.Suffix();
        Options = new AgentOptions
        {
            DataDir = TestHost.TempDir("ks-agent"),
            BridgeName = "ks" + suffix,
            PodCidr = await TestHost.FreePodCidrAsync(),
            StreamServerPort = 0,
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            _runtime = await NodeRuntime.StartAsync(Options, NullLoggerFactory.Instance, null, CancellationToken.None);
        }
        catch
        {
            // xunit does not dispose a fixture whose initialization failed.
            await DisposeAsync();
            throw;
        }
        StartDuration = started.Elapsed;
        Console.WriteLine($"[timing] NodeRuntime.StartAsync {StartDuration.TotalMilliseconds:F0} ms");
    }

    public async Task DisposeAsync()
    {
        if (_runtime is not null)
        {
            await RemoveAllSandboxesAsync();
            await _runtime.DisposeAsync();
            _runtime = null;
        }
        await HostNetworkCleanup.RunAsync(Options, CancellationToken.None);
        await DeleteDataDirAsync(Options.DataDir);
    }

    public async Task RemoveAllSandboxesAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            foreach (var sandbox in await Runtime.Cri.ListPodSandboxAsync(null, cts.Token))
            {
                await Runtime.Cri.StopPodSandboxAsync(sandbox.Id, cts.Token);
                await Runtime.Cri.RemovePodSandboxAsync(sandbox.Id, cts.Token);
            }
        }
        catch (CriException)
        {
            // containerd is gone (a test killed it for good): nothing more can be removed through CRI.
        }
    }

    /// <summary>Unmounts whatever containerd left mounted under the dir (a crashed test), then deletes it.</summary>
    public static async Task DeleteDataDirAsync(string dir)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Select(l => l.Split(' ')[4])
            .Where(m => m.StartsWith(dir + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.Length)
            .ToList();
        foreach (var m in mounts)
            await HostCommand.RunAsync("umount", ["-l", m], TimeSpan.FromSeconds(10), CancellationToken.None);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
