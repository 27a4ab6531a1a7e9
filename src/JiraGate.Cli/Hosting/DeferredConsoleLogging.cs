using Microsoft.Extensions.Logging.Console;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// Console logging to stderr, set up on the first message rather than at start: building the console logger (its
/// options, formatter and writer thread) costs ≈7 ms of <c>jiragate mcp</c>'s cold start, and most runs log nothing.
/// </summary>
internal sealed class DeferredConsoleLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    private readonly Lazy<ILoggerFactory> _factory = new(() => LoggerFactory.Create(logging =>
    {
        logging.SetMinimumLevel(minimum);
        logging.AddSimpleConsole(o => o.SingleLine = true);
        // stdout is the command's (MCP's, for mcp): every line goes to stderr.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }));

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(_factory, categoryName);

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }

    private sealed class DeferredLogger(Lazy<ILoggerFactory> factory, string category) : ILogger
    {
        private ILogger? _inner;

        private ILogger Inner => _inner ??= factory.Value.CreateLogger(category);

        // The host's factory filters by level before it asks; the real logger filters again once it exists.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Inner.BeginScope(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
