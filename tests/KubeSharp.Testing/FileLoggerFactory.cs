using Microsoft.Extensions.Logging;

namespace KubeSharp.Testing;

/// <summary>Writes warnings and above to a file when KUBESHARP_TEST_LOG names one (for diagnosing a failing run).</summary>
public sealed class FileLoggerFactory(string path) : ILoggerFactory
{
    private readonly object _lock = new();

    public static ILoggerFactory FromEnvironment() =>
        Environment.GetEnvironmentVariable("KUBESHARP_TEST_LOG") is { Length: > 0 } p
            ? new FileLoggerFactory(p)
            : Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_lock) File.AppendAllText(path, line + Environment.NewLine);
    }

    private sealed class FileLogger(FileLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
    }
}
