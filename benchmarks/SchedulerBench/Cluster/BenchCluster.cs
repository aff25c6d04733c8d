using System.Diagnostics;
using KubeSharp.Benchmarks.ApiBench.Cluster;
using KubeSharp.Benchmarks.ApiBench.Http;

namespace KubeSharp.Benchmarks.SchedulerBench.Cluster;

/// <summary>
/// A <c>kubesharp apiserver</c> on a fresh temp data dir and, once started, a <c>kubesharp scheduler</c> reaching
/// it through the admin kubeconfig, as separate processes (the scheduler talks to the API server over HTTPS only).
/// Disposing kills both and deletes the dir.
/// </summary>
internal sealed class BenchCluster : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly string _serverDll;
    private readonly TempDirectory _dir;

    private BenchCluster(string serverDll, TempDirectory dir, ChildProcess apiServer, Uri url)
    {
        _serverDll = serverDll;
        _dir = dir;
        Url = url;
        ApiServer = apiServer;
        Client = ApiClientFactory.Create(url, dir.Path, TimeSpan.FromSeconds(120));
    }

    public ChildProcess ApiServer { get; }

    public Uri Url { get; }

    public ChildProcess? Scheduler { get; private set; }

    /// <summary>Admin HTTP/2 client; its handler opens more connections when one's stream limit is reached.</summary>
    public HttpClient Client { get; }

    public static async Task<BenchCluster> StartAsync(string serverDll, string purpose, CancellationToken ct)
    {
        var dir = new TempDirectory("schedbench-" + purpose);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var server = ChildProcess.Start(serverDll, "ready at", "apiserver", "--data-dir", dir.Path,
                    "--secure-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1");
                try
                {
                    await server.Ready.WaitAsync(ReadyTimeout, ct);
                    return new BenchCluster(serverDll, dir, server, new Uri($"https://127.0.0.1:{port}"));
                }
                catch (InvalidOperationException) when (attempt < 3 && server.Tail().Contains("address already in use", StringComparison.Ordinal))
                {
                    server.Dispose();
                }
                catch
                {
                    server.Dispose();
                    throw;
                }
            }
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the scheduler and waits until it says it runs, which it does only after its pod and node
    /// informers have synced (listed everything there is).
    /// </summary>
    public async Task<TimeSpan> StartSchedulerAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Scheduler = ChildProcess.Start(_serverDll, "scheduler running", "scheduler",
            "--kubeconfig", Path.Combine(_dir.Path, "kubeconfig"), "--leader-elect=false");
        await Scheduler.Ready.WaitAsync(TimeSpan.FromMinutes(10), ct);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Another admin client with its own connections (the watch must not queue behind the creates).</summary>
    public HttpClient NewClient(TimeSpan timeout) => ApiClientFactory.Create(Url, _dir.Path, timeout);

    public void EnsureAlive()
    {
        ApiServer.EnsureAlive();
        Scheduler?.EnsureAlive();
    }

    public void Dispose()
    {
        Client.Dispose();
        Scheduler?.Dispose();
        ApiServer.Dispose();
        _dir.Dispose();
    }
}
