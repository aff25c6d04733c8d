using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Models;

namespace KubeSharp.ApiServer.Tests.CrashSafety;

/// <summary>
/// The server as a separate `kubesharp apiserver` process: killed with SIGKILL while clients write, every
/// acknowledged write is there after a restart on the same data dir and resourceVersions keep increasing;
/// SIGTERM stops it cleanly; a port in use is a clean exit 1.
/// </summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "kubesharp-kill9-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? _server;

    [Fact]
    public async Task AcknowledgedWritesSurviveKillDashNine()
    {
        var port = FreePort();
        _server = await StartServerAsync(port);
        var acknowledged = new ConcurrentDictionary<string, long>();
        var writers = new List<Task>();
        using var stopWriting = new CancellationTokenSource();
        for (var w = 0; w < 8; w++)
        {
            var writer = w;
            writers.Add(Task.Run(async () =>
            {
                using var client = Client();
                for (var i = 0; !stopWriting.IsCancellationRequested; i++)
                {
                    var name = $"w{writer}-{i}";
                    try
                    {
                        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
                            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["i"] = i.ToString() } }, "default");
                        acknowledged[name] = long.Parse(created.Metadata.ResourceVersion);
                    }
                    catch (Exception) when (stopWriting.IsCancellationRequested || _server!.HasExited)
                    {
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server died under us: expected
                    }
                }
            }));
        }

        // Kill once a good number of writes are acknowledged, with writers still in flight.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 300 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(acknowledged.Count >= 300, $"only {acknowledged.Count} writes were acknowledged");
        _server.Kill(entireProcessTree: false); // SIGKILL
        await _server.WaitForExitAsync();
        stopWriting.Cancel();
        await Task.WhenAll(writers.Select(t => t.ContinueWith(_ => { })));
        var snapshot = new Dictionary<string, long>(acknowledged);

        _server = await StartServerAsync(port);
        using var after = Client();
        var list = await after.CoreV1.ListNamespacedConfigMapAsync("default");
        var stored = list.Items.ToDictionary(c => c.Metadata.Name, c => long.Parse(c.Metadata.ResourceVersion));
        foreach (var (name, rv) in snapshot)
        {
            Assert.True(stored.TryGetValue(name, out var storedRv), $"acknowledged write {name} (rv {rv}) was lost");
            Assert.Equal(rv, storedRv);
        }
        var max = stored.Values.Max();
        var next = await after.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after-restart" } }, "default");
        Assert.True(long.Parse(next.Metadata.ResourceVersion) > max);
        Assert.True(long.Parse(list.Metadata.ResourceVersion) >= max);
    }

    [Fact]
    public async Task SigtermStopsTheServerCleanly()
    {
        _server = await StartServerAsync(FreePort());
        using (var kill = Process.Start("kill", ["-TERM", _server.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _server.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, _server.ExitCode);
    }

    [Fact]
    public async Task PortInUseExitsWithCodeOneAndAClearMessage()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kubesharp.dll"), "apiserver", "--data-dir", _dataDir, "--secure-port", port.ToString(), "--bind-address", "127.0.0.1" })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("address already in use", await stderr);
    }

    [Fact]
    public async Task ServerRoleRunsTheSchedulerNextToTheApiServer()
    {
        _server = await StartServerAsync(FreePort(), role: "server");
        using var client = Client();
        await client.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "node-1" },
            Status = new V1NodeStatus
            {
                Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("4Gi"), ["pods"] = new("110") },
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
            },
        });
        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
        }, "default");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        V1Pod pod;
        do
        {
            await Task.Delay(100);
            pod = await client.CoreV1.ReadNamespacedPodAsync("p", "default");
        }
        while (string.IsNullOrEmpty(pod.Spec.NodeName) && DateTime.UtcNow < deadline);
        Assert.Equal("node-1", pod.Spec.NodeName);
    }

    private Kubernetes Client() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(_dataDir, "kubeconfig")));

    private async Task<Process> StartServerAsync(int port, string role = "apiserver")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kubesharp.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, role, "--data-dir", _dataDir, "--secure-port", port.ToString(), "--bind-address", "127.0.0.1" })
        {
            psi.ArgumentList.Add(a);
        }
        // The control plane only: a node agent would take the host's default bridge and KUBE- chains.
        if (role == "server") psi.ArgumentList.Add("--disable-agent");
        var p = Process.Start(psi)!;
        var ready = new TaskCompletionSource();
        p.OutputDataReceived += (_, e) => { if (e.Data?.Contains("ready at", StringComparison.Ordinal) == true) ready.TrySetResult(); };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return p;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            _server.WaitForExit(10_000);
        }
        _server?.Dispose();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}
