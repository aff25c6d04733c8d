using KubeSharp.Agent.Host;
using KubeSharp.Agent.Network;
using KubeSharp.Kubelet.Cri;

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
        // An archive the user dropped into the images dir: the agent imports it at start.
        Directory.CreateDirectory(Options.ImagesDir);
        await using (var archive = File.Create(Path.Combine(Options.ImagesDir, "extra.tar")))
            ExtraImage("start").WriteArchive(ExtraImageName, archive);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            _runtime = await NodeRuntime.StartAsync(Options, ConsoleTestLoggerFactory.Instance, null, CancellationToken.None);
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

    /// <summary>Stops the node runtime without removing pods (as an agent restart does) and starts it again.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        await Runtime.DisposeAsync();
        _runtime = null;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        _runtime = await NodeRuntime.StartAsync(Options, ConsoleTestLoggerFactory.Instance, null, CancellationToken.None);
        return sw.Elapsed;
    }

    public const string ExtraImageName = "localhost/kubesharp-test/extra:v1";

    /// <summary>A tiny image (one text file) for import tests.</summary>
    public static KubeSharp.Agent.Images.OciImageBuilder ExtraImage(string content)
    {
        var b = new KubeSharp.Agent.Images.OciImageBuilder { Cmd = ["/hello"] };
        b.AddText("hello.txt", content);
        return b;
    }

    public async Task DisposeAsync()
    {
        if (_runtime is not null)
        {
            try
            {
                await RemoveAllSandboxesAsync();
            }
            finally
            {
                await _runtime.DisposeAsync();
                _runtime = null;
                KillOrphanShims(Options);
            }
        }
        if (File.Exists(Options.ContainerdLogPath))
        {
            // containerd's own complaints help when a runtime test fails; they are in the test output.
            foreach (var line in File.ReadLines(Options.ContainerdLogPath).Where(l => l.Contains("level=error")).Take(10))
                Console.WriteLine("[containerd] " + line);
        }
        await HostNetworkCleanup.RunAsync(Options, CancellationToken.None);
        await DeleteDataDirAsync(Options.DataDir);
    }

    /// <summary>
    /// Stops and removes every sandbox through CRI, so CNI DEL runs for each. A test that killed containerd may
    /// leave it restarting: Unavailable is retried until the deadline.
    /// </summary>
    public async Task RemoveAllSandboxesAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                foreach (var sandbox in await Runtime.Cri.ListPodSandboxAsync(null, cts.Token))
                {
                    await Runtime.Cri.StopPodSandboxAsync(sandbox.Id, cts.Token);
                    await Runtime.Cri.RemovePodSandboxAsync(sandbox.Id, cts.Token);
                }
                return;
            }
            catch (CriException e) when (e.Kind == CriErrorKind.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Last resort after a failed cleanup: shims of this containerd still running keep their pods alive.</summary>
    public static void KillOrphanShims(AgentOptions options)
    {
        foreach (var pid in NodeLeftovers.KillShims(options.ContainerdSocket))
            Console.WriteLine($"[cleanup] killed orphan shim {pid}");
    }

    public static Task DeleteDataDirAsync(string dir) => NodeLeftovers.DeleteDataDirAsync(dir);
}
