using System.Diagnostics;
using System.Text;

namespace KubeSharp.Proxy.Iptables;

/// <summary>The result of one host command.</summary>
public sealed record CommandResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs iptables, conntrack and sysctl, optionally behind a prefix such as <c>nsenter --net=/run/netns/X</c> so
/// that one proxy can program a node that lives in a network namespace (several nodes on one machine, tests).
/// </summary>
public sealed class HostCommand(IReadOnlyList<string> prefix)
{
    public IReadOnlyList<string> Prefix { get; } = prefix;

    public Task<CommandResult> RunAsync(IReadOnlyList<string> argv, string? stdin, CancellationToken ct) =>
        RunAsync(argv, stdin == null ? null : (w, t) => w.WriteAsync(stdin.AsMemory(), t), null, ct);

    /// <summary>
    /// Runs a command with a large input written chunk by chunk (no copy of a multi-megabyte script as one string)
    /// and, when <paramref name="onStdoutLine"/> is given, hands it stdout line by line instead of collecting it
    /// (the result's Stdout is then empty): a 10,000-service table listing is tens of megabytes as one string.
    /// </summary>
    public Task<CommandResult> RunAsync(IReadOnlyList<string> argv, StringBuilder? stdin, Action<string>? onStdoutLine, CancellationToken ct) =>
        RunAsync(argv, stdin == null ? null : async (w, t) =>
        {
            foreach (var chunk in stdin.GetChunks()) await w.WriteAsync(chunk, t);
        }, onStdoutLine, ct);

    /// <summary>Runs a command whose input <paramref name="writeStdin"/> writes as it is produced.</summary>
    public Task<CommandResult> RunWritingAsync(IReadOnlyList<string> argv, Action<TextWriter> writeStdin, CancellationToken ct) =>
        RunAsync(argv, (w, _) =>
        {
            writeStdin(w);
            return Task.CompletedTask;
        }, null, ct);

    private async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, Func<StreamWriter, CancellationToken, Task>? stdin, Action<string>? onStdoutLine, CancellationToken ct)
    {
        var all = Prefix.Concat(argv).ToList();
        var start = new ProcessStartInfo(all[0])
        {
            RedirectStandardInput = stdin != null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in all.Skip(1)) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {all[0]}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // A missing binary is an answer (as a shell's 127), so callers report it instead of crashing a sync.
            return new CommandResult(127, "", $"{all[0]}: {e.Message}");
        }
        using var _ = process;
        var stdout = onStdoutLine == null ? process.StandardOutput.ReadToEndAsync(ct) : ReadLinesAsync(process.StandardOutput, onStdoutLine, ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        if (stdin != null)
        {
            try
            {
                await stdin(process.StandardInput, ct);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The command exited before reading all of its input (broken pipe): its exit code and stderr say why.
            }
        }
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            throw;
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> ReadLinesAsync(StreamReader reader, Action<string> onLine, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line) onLine(line);
        return "";
    }
}
