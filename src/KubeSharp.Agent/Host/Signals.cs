using System.Runtime.InteropServices;

namespace KubeSharp.Agent.Host;

/// <summary>POSIX signals by PID: .NET's Process.Kill only sends SIGKILL, and containerd deserves a SIGTERM first.</summary>
internal static class Signals
{
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    // DllImport rather than LibraryImport: the generated stub for LibraryImport needs unsafe code, and int → int
    // needs no marshalling anyway.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);

    /// <summary>False when the process no longer exists.</summary>
    public static bool Send(int pid, int signal) => KillNative(pid, signal) == 0;

    /// <summary>The process's command line (NUL-separated in /proc), or null when it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
