using System.Diagnostics;

namespace KubeSharp.Benchmarks.SchedulerBench.Cluster;

/// <summary>
/// One <c>kubesharp ROLE ...</c> child process. Its output is drained continuously (a full pipe would block the
/// component's logger and look like a hang) and the last lines are kept for error reports. Ready when a line
/// contains the given marker.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int TailLines = 60;
    private readonly Process _process;
    private readonly string _readyMarker;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // SCHEDBENCH_LOGS=DIR keeps each child's whole output in DIR/ROLE-PID.log, for looking into a slow run.
    private StreamWriter? _log;

    private ChildProcess(Process process, string readyMarker, string role)
    {
        _process = process;
        _readyMarker = readyMarker;
        Role = role;
    }

    public string Role { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the ready line was printed; fails if the process exits first.</summary>
    public Task Ready => _ready.Task;

    public static ChildProcess Start(string serverDll, string readyMarker, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(serverDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, readyMarker, args[0]);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._ready.TrySetException(
            new InvalidOperationException($"{child.Role} exited with code {process.ExitCode}:\n{child.Tail()}"));
        process.Start();
        if (Environment.GetEnvironmentVariable("SCHEDBENCH_LOGS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            child._log = new StreamWriter(Path.Combine(dir, $"{child.Role}-{process.Id}.log")) { AutoFlush = true };
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Tail()
    {
        lock (_tail) return string.Join('\n', _tail);
    }

    /// <summary>Throws with the last output if the process died: a crash must not be mistaken for slowness.</summary>
    public void EnsureAlive()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Role} (pid {Pid}) exited during the scenario; last output:\n{Tail()}");
        }
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
        lock (_tail) _log?.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line == null) return;
        if (line.Contains(_readyMarker, StringComparison.Ordinal)) _ready.TrySetResult();
        lock (_tail)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines) _tail.Dequeue();
        }
    }
}
