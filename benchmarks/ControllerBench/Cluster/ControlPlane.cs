using k8s.Models;
using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Client.Rest;

namespace KubeSharp.Benchmarks.ControllerBench.Cluster;

/// <summary>
/// A fresh API server (temp data dir, free port) plus a controller manager connected to it through the admin
/// kubeconfig, both real child processes of the same kubesharp.dll. Disposing kills both and deletes the dir.
/// </summary>
internal sealed class ControlPlane : IDisposable
{
    private readonly TempDirectory _dir;
    private readonly ServerProcess _server;
    private readonly ControllerManagerProcess _controllerManager;

    private ControlPlane(TempDirectory dir, ServerProcess server, ControllerManagerProcess controllerManager, KubeClient client)
    {
        _dir = dir;
        _server = server;
        _controllerManager = controllerManager;
        Client = client;
    }

    /// <summary>The harness's client (admin, HTTP/2, no client-side rate limit).</summary>
    public KubeClient Client { get; }

    public static async Task<ControlPlane> StartAsync(string serverDll, string purpose, CancellationToken ct)
    {
        var dir = new TempDirectory("cm-" + purpose);
        ServerProcess? server = null;
        try
        {
            server = await ServerProcess.StartReadyAsync(serverDll, dir.Path, TimeSpan.FromSeconds(60), ct);
            var kubeconfig = Path.Combine(dir.Path, "kubeconfig");
            var cm = await ControllerManagerProcess.StartAsync(serverDll, kubeconfig, ct);
            var client = new KubeClient(ClientConfig.FromKubeconfig(kubeconfig) with { UserAgent = "controllerbench" });
            return new ControlPlane(dir, server, cm, client);
        }
        catch
        {
            server?.Dispose();
            dir.Dispose();
            throw;
        }
    }

    /// <summary>CPU milliseconds used so far by the API server and by the controller manager.</summary>
    public (double ApiServer, double ControllerManager) CpuMs() => (ProcessCpu.Ms(_server.Pid), ProcessCpu.Ms(_controllerManager.Pid));

    /// <summary>Throws with the processes' last output if one died: a crash must not be mistaken for slowness.</summary>
    public void EnsureAlive()
    {
        if (_server.HasExited) throw new InvalidOperationException($"the API server exited; last output:\n{_server.Tail()}");
        if (_controllerManager.HasExited) throw new InvalidOperationException($"the controller manager exited; last output:\n{_controllerManager.Tail()}");
    }

    public async Task CreateNamespaceAsync(string name, CancellationToken ct) =>
        await Client.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, ct);

    public void Dispose()
    {
        Client.Dispose();
        _controllerManager.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }
}
