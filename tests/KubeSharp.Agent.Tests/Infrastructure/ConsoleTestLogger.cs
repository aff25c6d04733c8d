using Microsoft.Extensions.Logging;

namespace KubeSharp.Agent.Tests.Infrastructure;

/// <summary>Information-and-above log lines on the console, which the test runner shows next to a failure.</summary>
public sealed class ConsoleTestLoggerFactory : ILoggerFactory
{
    public static readonly ConsoleTestLoggerFactory Instance = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName[(categoryName.LastIndexOf('.') + 1)..]);
    public void AddProvider(ILoggerProvider provider) { }
    public void Dispose() { }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Console.WriteLine($"[{category}] {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
