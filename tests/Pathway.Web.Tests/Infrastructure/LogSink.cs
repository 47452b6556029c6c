using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>Keeps every formatted log message the app writes, so tests can check what reaches the logs.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Messages.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
