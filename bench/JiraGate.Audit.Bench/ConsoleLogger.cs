using System.Diagnostics;
using Microsoft.Extensions.Logging;

/// <summary><c>--trace</c>: the checkpointer's rounds (Debug and up) on the console, stamped with the run's clock.</summary>
internal sealed class ConsoleLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.WriteLine($"  [{Stopwatch.GetElapsedTime(TracingAuditStore.Origin).TotalSeconds,6:F2} s] {logLevel}: {formatter(state, exception)}");
}
