using System.Diagnostics;

namespace KubeSharp.Benchmarks.ApiBench.Cluster;

/// <summary>
/// One <c>kubesharp apiserver</c> child process on 127.0.0.1. Its output is drained continuously (a full pipe
/// would block the server's logger and look like a server hang) and the last lines are kept for error reports.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const int TailLines = 60;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<long> _readyLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string dataDir, int port, long startTimestamp)
    {
        _process = process;
        DataDir = dataDir;
        Port = port;
        StartTimestamp = startTimestamp;
    }

    public string DataDir { get; }

    public int Port { get; }

    public Uri Url => new($"https://127.0.0.1:{Port}");

    public int Pid => _process.Id;

    /// <summary>Stopwatch timestamp taken immediately before the process was started.</summary>
    public long StartTimestamp { get; }

    /// <summary>Completes with the Stopwatch timestamp at which the server printed its "ready at" line.</summary>
    public Task<long> ReadyLine => _readyLine.Task;

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(string serverDll, string dataDir, int port)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serverDll, "apiserver", "--data-dir", dataDir, "--secure-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = Stopwatch.GetTimestamp();
        var server = new ServerProcess(process, dataDir, port, started);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server._readyLine.TrySetException(
            new InvalidOperationException($"server exited with code {process.ExitCode} before it was ready:\n{server.Tail()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Starts a server on a free port, retrying when another process grabbed the port first.</summary>
    public static async Task<ServerProcess> StartReadyAsync(string serverDll, string dataDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Start(serverDll, dataDir, FreePort.Next());
            try
            {
                await server.ReadyLine.WaitAsync(timeout, cancellationToken);
                return server;
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

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>SIGKILL: nothing is flushed or shut down cleanly, which is what the durability check wants.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line == null)
        {
            return;
        }
        if (line.Contains("ready at", StringComparison.Ordinal))
        {
            _readyLine.TrySetResult(Stopwatch.GetTimestamp());
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
