using System.Diagnostics;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// Where start-up time goes: with <c>JIRAGATE_STARTUP_TRACE=1</c> each step writes one line to stderr with the milliseconds
/// since the process started (as the kernel counts it) and since <c>Main</c>. Off by default and then free; never on stdout
/// (stdout is MCP's for <c>jiragate mcp</c>).
/// </summary>
internal static class StartupTrace
{
    public const string Variable = "JIRAGATE_STARTUP_TRACE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) is "1" or "true";
    private static readonly long MainStarted = Stopwatch.GetTimestamp();
    private static double? _mainAfterProcessStartMs;

    /// <summary>Called first thing in Main, so "since Main" starts there.</summary>
    public static void Start() => Mark("main");

    public static void Mark(string step)
    {
        if (!Enabled)
        {
            return;
        }
        _mainAfterProcessStartMs ??= MainAfterProcessStart();
        var sinceMain = Stopwatch.GetElapsedTime(MainStarted).TotalMilliseconds;
        Console.Error.WriteLine($"[startup] {_mainAfterProcessStartMs + sinceMain,7:0.0} ms since process start, {sinceMain,7:0.0} ms since Main: {step}");
    }

    private static double MainAfterProcessStart()
    {
        using var self = Process.GetCurrentProcess();
        // The kernel's start time has a 10 ms resolution on Linux: good enough to see the runtime's own share.
        return (TimeProvider.System.GetLocalNow().LocalDateTime - self.StartTime).TotalMilliseconds - Stopwatch.GetElapsedTime(MainStarted).TotalMilliseconds;
    }
}
