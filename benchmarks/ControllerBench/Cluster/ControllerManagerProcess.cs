using System.Diagnostics;

namespace KubeSharp.Benchmarks.ControllerBench.Cluster;

/// <summary>
/// A <c>kubesharp controller-manager</c> child process (all controllers, no leader election). Output is drained
/// continuously so a full pipe never stalls its logger, and the last lines are kept for error reports.
/// </summary>
internal sealed class ControllerManagerProcess : IDisposable
{
    private const int TailLines = 60;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StreamWriter? _log;

    private ControllerManagerProcess(Process process)
    {
        _process = process;
        // For diagnosis: CONTROLLERBENCH_CM_LOG=FILE keeps the controller manager's whole output.
        if (Environment.GetEnvironmentVariable("CONTROLLERBENCH_CM_LOG") is { Length: > 0 } path)
        {
            _log = new StreamWriter(path, append: true) { AutoFlush = true };
        }
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<ControllerManagerProcess> StartAsync(string serverDll, string kubeconfig, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serverDll, "controller-manager", "--kubeconfig", kubeconfig, "--leader-elect=false" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cm = new ControllerManagerProcess(process);
        process.OutputDataReceived += (_, e) => cm.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => cm.OnLine(e.Data);
        process.Exited += (_, _) => cm._running.TrySetException(
            new InvalidOperationException($"controller-manager exited with code {process.ExitCode}:\n{cm.Tail()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await cm._running.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch
        {
            cm.Dispose();
            throw;
        }
        return cm;
    }

    public string Tail()
    {
        lock (_tail) return string.Join('\n', _tail);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
        lock (_tail)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void OnLine(string? line)
    {
        if (line == null) return;
        if (line.Contains("controller-manager", StringComparison.Ordinal) && line.Contains("running", StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
        lock (_tail)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines) _tail.Dequeue();
        }
    }
}
