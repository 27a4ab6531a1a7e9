using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>Keeps every log line (message, state values and exceptions) at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Lines.Enqueue(category + " scope " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => p.Key + "=" + p.Value))
                : "";
            owner.Lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {values} {exception}");
        }
    }
}
