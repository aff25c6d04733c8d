using Microsoft.Extensions.Logging;

namespace KubeSharp.Cli.Commands;

/// <summary>The console logger every role uses: one line per entry, framework noise at warning and above.</summary>
public static class ConsoleLogging
{
    public static ILoggerFactory Create(Flags flags) => LoggerFactory.Create(b => b
        .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
        .AddFilter("Microsoft", LogLevel.Warning)
        // Startup failures are reported once, by the command, without the host's stack trace.
        .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)
        .SetMinimumLevel(flags.Has("verbose") || flags.Has("v") ? LogLevel.Debug : LogLevel.Information));
}
