using KubeSharp.Benchmarks.ApiBench.Http;

namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>A server on a fresh temp data dir plus an admin client; disposing kills the server and deletes the dir.</summary>
internal sealed class ServerSession : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly string _serverDll;
    private readonly TempDirectory _dir;

    private ServerSession(string serverDll, TempDirectory dir, ServerProcess server)
    {
        _serverDll = serverDll;
        _dir = dir;
        Server = server;
        Client = ApiClientFactory.Create(server.Url, dir.Path, TimeSpan.FromSeconds(60));
    }

    public ServerProcess Server { get; private set; }

    public HttpClient Client { get; private set; }

    public string DataDir => _dir.Path;

    public static async Task<ServerSession> StartAsync(string serverDll, string purpose, CancellationToken cancellationToken)
    {
        var dir = new TempDirectory(purpose);
        try
        {
            var server = await ServerProcess.StartReadyAsync(serverDll, dir.Path, ReadyTimeout, cancellationToken);
            var session = new ServerSession(serverDll, dir, server);
            await session.EnsureHttp2Async(cancellationToken);
            return session;
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Another client to the same server: a separate handler, hence separate connections.</summary>
    public HttpClient NewClient(TimeSpan timeout) => ApiClientFactory.Create(Server.Url, DataDir, timeout);

    /// <summary>SIGKILLs the server and starts a new one on the same data dir (durability check).</summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken)
    {
        Client.Dispose();
        Server.Dispose();
        Server = await ServerProcess.StartReadyAsync(_serverDll, _dir.Path, ReadyTimeout, cancellationToken);
        Client = ApiClientFactory.Create(Server.Url, _dir.Path, TimeSpan.FromSeconds(60));
    }

    /// <summary>The targets are for HTTP/2 clients; a silent fallback to HTTP/1.1 would measure something else.</summary>
    private async Task EnsureHttp2Async(CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync("/readyz", cancellationToken);
        if (response.Version != System.Net.HttpVersion.Version20)
        {
            Dispose();
            throw new InvalidOperationException($"expected HTTP/2 from the server, got HTTP/{response.Version}");
        }
    }

    /// <summary>Throws with the server's last output if it died: a crash must not be mistaken for slowness.</summary>
    public void EnsureAlive()
    {
        if (Server.HasExited)
        {
            throw new InvalidOperationException($"the server (pid {Server.Pid}) exited during the scenario; last output:\n{Server.Tail()}");
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        _dir.Dispose();
    }
}
