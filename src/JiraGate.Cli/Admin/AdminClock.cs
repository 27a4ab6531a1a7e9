namespace JiraGate.Cli.Admin;

/// <summary>The clock the admin commands use (the system's; tests put a fake one in for the current async flow).</summary>
internal static class AdminClock
{
    private static readonly AsyncLocal<TimeProvider?> Override = new();

    public static TimeProvider Current => Override.Value ?? TimeProvider.System;

    public static IDisposable Use(TimeProvider time)
    {
        Override.Value = time;
        return new Reset();
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Override.Value = null;
    }
}
