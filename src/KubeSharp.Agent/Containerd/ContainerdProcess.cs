using System.Diagnostics;
using System.Globalization;
using KubeSharp.Agent.Host;
using KubeSharp.Kubelet.Cri;
using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent.Containerd;

/// <summary>
/// The agent's own containerd: started with the generated config (log to a file under the data dir), considered
/// up once its CRI socket answers Version and reports RuntimeReady, restarted with exponential back-off when it
/// dies, and stopped on dispose (SIGTERM, then SIGKILL, by its own PID). Running pods survive a restart: their
/// shims keep them alive and containerd lists them again when it is back.
/// </summary>
public sealed partial class ContainerdProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);
    /// <summary>A process that stayed up this long is healthy: the next failure starts back-off from the beginning.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private readonly AgentOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Process? _process;
    private Task _supervisor = Task.CompletedTask;
    private int _restarts;

    private ContainerdProcess(AgentOptions options, ILogger logger, TimeProvider time)
    {
        _options = options;
        _logger = logger;
        _time = time;
    }

    /// <summary>The CRI endpoint (unix:///…/containerd.sock).</summary>
    public string Endpoint => "unix://" + _options.ContainerdSocket;

    /// <summary>The PID of the running containerd, or null between a crash and the restart.</summary>
    public int? Pid
    {
        get
        {
            lock (_lock) return _process is { HasExited: false } p ? p.Id : null;
        }
    }

    /// <summary>How many times the supervisor restarted a containerd that died, counted once the new one is ready.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Writes the config, starts containerd and waits until its CRI service is ready; then supervises it.</summary>
    public static async Task<ContainerdProcess> StartAsync(AgentOptions options, ILogger logger, TimeProvider? time, CancellationToken ct)
    {
        options.Validate();
        var process = new ContainerdProcess(options, logger, time ?? TimeProvider.System);
        try
        {
            foreach (var dir in (string[])[options.ContainerdDir, options.ContainerdRoot, options.ContainerdState, options.RegistryConfigDir, options.CniConfDir])
                Directory.CreateDirectory(dir);
            ContainerdConfig.Write(options);
            await process.StopStaleInstanceAsync(ct);
            process.Launch();
            await process.WaitReadyAsync(ct);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        process._supervisor = Task.Run(process.SuperviseAsync, CancellationToken.None);
        return process;
    }

    private string PidFile => Path.Combine(_options.ContainerdDir, "containerd.pid");

    private void Launch()
    {
        var containerd = HostPrerequisites.Require("containerd", "containerd");
        // exec through the shell: containerd keeps the PID we record, and its output goes straight to the log file,
        // so it never blocks on a pipe that this process has to drain (and survives this process exiting).
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$@\" </dev/null >>\"$LOG\" 2>&1");
        psi.ArgumentList.Add("containerd");
        foreach (var arg in _options.ContainerdCommandPrefix) psi.ArgumentList.Add(arg);
        psi.ArgumentList.Add(containerd);
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(_options.ContainerdConfigPath);
        psi.Environment["LOG"] = _options.ContainerdLogPath;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start containerd");
        lock (_lock) _process = process;
        File.WriteAllText(PidFile, process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        LogStarted(_logger, process.Id, _options.ContainerdConfigPath, _options.ContainerdLogPath);
    }

    /// <summary>
    /// A containerd left running by a crashed agent holds the metadata database lock, so a new one would hang:
    /// stop it, but only when its command line shows it is ours (same config path), never a PID reused by another program.
    /// </summary>
    private async Task StopStaleInstanceAsync(CancellationToken ct)
    {
        if (!File.Exists(PidFile) || !int.TryParse(await File.ReadAllTextAsync(PidFile, ct), out var pid)) return;
        var cmdline = Signals.CommandLine(pid);
        if (cmdline is null || !cmdline.Contains("containerd", StringComparison.Ordinal) || !cmdline.Contains(_options.ContainerdConfigPath, StringComparison.Ordinal)) return;
        LogStale(_logger, pid);
        await TerminateAsync(pid, ct);
    }

    /// <summary>Polls the CRI socket until Version answers and RuntimeReady is true, failing fast if containerd exits.</summary>
    private async Task WaitReadyAsync(CancellationToken ct)
    {
        Process? process;
        lock (_lock) process = _process;
        using var cri = GrpcCriClient.Create(_options.ContainerdSocket, new GrpcCriClientOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
        var started = _time.GetTimestamp();
        string last = "socket not there yet";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process is null || process.HasExited)
                throw new InvalidOperationException($"containerd exited during startup (exit code {process?.ExitCode}); last log lines:\n{LogTail()}");
            if (File.Exists(_options.ContainerdSocket))
            {
                try
                {
                    await cri.VersionAsync(ct);
                    var status = await cri.StatusAsync(ct);
                    var ready = status.Conditions.FirstOrDefault(c => c.Type == "RuntimeReady");
                    if (ready is { Status: true })
                    {
                        LogReady(_logger, process.Id, _time.GetElapsedTime(started).TotalMilliseconds);
                        return;
                    }
                    last = $"RuntimeReady is {(ready is null ? "missing" : $"false: {ready.Reason} {ready.Message}")}";
                }
                catch (CriException e)
                {
                    last = e.Message;
                }
            }
            if (_time.GetElapsedTime(started) > _options.ContainerdStartTimeout)
                throw new TimeoutException($"containerd did not become ready within {_options.ContainerdStartTimeout} ({last}); last log lines:\n{LogTail()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, ct);
        }
    }

    private async Task SuperviseAsync()
    {
        var ct = _stopping.Token;
        var backoff = _options.RestartBackoffInitial;
        while (!ct.IsCancellationRequested)
        {
            Process? process;
            lock (_lock) process = _process;
            var startedAt = _time.GetTimestamp();
            try
            {
                var exitCode = -1;
                if (process is not null)
                {
                    await process.WaitForExitAsync(ct);
                    exitCode = process.ExitCode;
                    lock (_lock)
                    {
                        if (ReferenceEquals(_process, process)) _process = null;
                    }
                    process.Dispose();
                }
                if (_time.GetElapsedTime(startedAt) > StableAfter) backoff = _options.RestartBackoffInitial;
                LogDied(_logger, exitCode, backoff.TotalSeconds);
                await Task.Delay(backoff, _time, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.RestartBackoffMax.Ticks));
                // If Launch throws (binary removed), _process stays null and the next round backs off again.
                Launch();
                await WaitReadyAsync(ct);
                Interlocked.Increment(ref _restarts);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next loop iteration waits for this attempt's process to exit (or finds it gone) and backs off.
                LogRestartFailed(_logger, e);
                lock (_lock)
                {
                    if (_process is { HasExited: false } p && e is TimeoutException) Signals.Send(p.Id, Signals.SIGKILL);
                }
            }
        }
    }

    /// <summary>SIGTERM, wait up to the grace period, then SIGKILL.</summary>
    private async Task TerminateAsync(int pid, CancellationToken ct)
    {
        if (!Signals.Send(pid, Signals.SIGTERM)) return;
        var start = _time.GetTimestamp();
        while (Signals.CommandLine(pid) is { Length: > 0 } && !IsZombie(pid))
        {
            if (_time.GetElapsedTime(start) > StopGracePeriod)
            {
                LogKilled(_logger, pid);
                Signals.Send(pid, Signals.SIGKILL);
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, ct);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(_options.ContainerdLogPath);
            return string.Join('\n', lines.TakeLast(15));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        try
        {
            await _supervisor;
        }
        catch (OperationCanceledException)
        {
        }
        Process? process;
        lock (_lock) process = _process;
        if (process is not null)
        {
            if (!process.HasExited)
            {
                await TerminateAsync(process.Id, CancellationToken.None);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(StopGracePeriod).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                LogStopped(_logger, process.Id);
            }
            process.Dispose();
        }
        File.Delete(PidFile);
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Started containerd (pid {Pid}) with {Config}, logging to {Log}")]
    private static partial void LogStarted(ILogger logger, int pid, string config, string log);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "containerd (pid {Pid}) is ready after {ElapsedMs:F0} ms")]
    private static partial void LogReady(ILogger logger, int pid, double elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "containerd exited with code {ExitCode}; restarting in {BackoffSeconds} s")]
    private static partial void LogDied(ILogger logger, int exitCode, double backoffSeconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Restarting containerd failed")]
    private static partial void LogRestartFailed(ILogger logger, Exception e);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "containerd (pid {Pid}) did not stop after SIGTERM; sent SIGKILL")]
    private static partial void LogKilled(ILogger logger, int pid);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Stopped containerd (pid {Pid})")]
    private static partial void LogStopped(ILogger logger, int pid);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Stopping containerd (pid {Pid}) left running by an earlier agent on this data dir")]
    private static partial void LogStale(ILogger logger, int pid);
}
