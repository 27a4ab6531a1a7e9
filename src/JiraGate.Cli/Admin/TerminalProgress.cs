using System.Globalization;
using System.Text;

namespace JiraGate.Cli.Admin;

/// <summary>How a <see cref="TerminalProgress"/> draws (tests set a fake clock and a fixed width).</summary>
internal sealed class TerminalProgressOptions
{
    /// <summary>The clock whose timer redraws the line.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Redraws at most this often (~10×/s).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Nothing is drawn for work that ends sooner than this, so quick commands do not flicker.</summary>
    public TimeSpan ShowAfter { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The terminal's width; the line is cut to one column less so it never wraps (a wrapped line cannot be redrawn).</summary>
    public int Columns { get; init; } = 80;

    /// <summary>The bar's width in cells.</summary>
    public int BarWidth { get; init; } = 24;
}

/// <summary>
/// One progress line on stderr for long work — <c>label [████░░░░] 50%  500/1000 · detail</c>, or a spinner with the
/// elapsed time when the total is unknown. Work calls <see cref="Report(long)"/> as often as it likes (it only stores the
/// numbers); a timer redraws the line at most every <see cref="TerminalProgressOptions.Interval"/>, and
/// <see cref="Complete"/> / <see cref="Dispose"/> (also on Ctrl+C, through the command's <c>using</c>) clear it. Drawn
/// only when stderr is a terminal and plain output was not asked for (<see cref="ShouldDraw"/>); otherwise every
/// call is a no-op, so stdout and redirected stderr never carry any of it.
/// </summary>
internal sealed class TerminalProgress : IProgress<long>, IDisposable
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly TextWriter? _writer;
    private readonly TerminalProgressOptions _options;
    private readonly string _label;
    private readonly long _started;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private long _done;
    private long? _total;
    private string? _detail;
    private string _drawn = "";
    private int _visible;
    private int _frame;
    private bool _completed;

    /// <summary>A progress line that draws to <paramref name="writer"/> (null: draws nothing).</summary>
    public TerminalProgress(TextWriter? writer, string label, long? total, TerminalProgressOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        _writer = writer;
        _label = label;
        _total = total;
        _options = options ?? new TerminalProgressOptions();
        _started = _options.Time.GetTimestamp();
        if (writer is not null)
        {
            _timer = _options.Time.CreateTimer(_ => Draw(), null, _options.ShowAfter, _options.Interval);
        }
    }

    /// <summary>True when this instance draws anything at all.</summary>
    public bool Enabled => _writer is not null;

    /// <summary>How many times the line was (re)drawn (for tests).</summary>
    internal int Frames { get; private set; }

    /// <summary>
    /// A progress line for a command: drawn on <paramref name="error"/> only when <see cref="ShouldDraw"/> says so for
    /// the real console and environment; otherwise a silent instance.
    /// </summary>
    public static TerminalProgress Start(TextWriter error, bool json, string label, long? total = null, string? detail = null)
    {
        var draw = ShouldDraw(json, ReferenceEquals(error, Console.Error), Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));
        var progress = draw
            ? new TerminalProgress(error, label, total, new TerminalProgressOptions { Columns = ConsoleColumns() })
            : new TerminalProgress(null, label, total);
        progress._detail = detail;
        return progress;
    }

    /// <summary>For an admin command: its stderr and its <c>--json</c>.</summary>
    public static TerminalProgress Start(AdminInvocation run, string label, long? total = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Start(run.Err, run.Json, label, total);
    }

    /// <summary>
    /// Whether to draw: not with <c>--json</c>, only on the process's own stderr when that is a terminal, and not when
    /// NO_COLOR (any value) or TERM=dumb ask for plain output.
    /// </summary>
    internal static bool ShouldDraw(bool json, bool writerIsConsole, bool errorRedirected, string? noColor, string? term) =>
        !json && writerIsConsole && !errorRedirected && string.IsNullOrEmpty(noColor)
        && !string.Equals(term, "dumb", StringComparison.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="done"/> units are done (cheap; drawn by the timer).</summary>
    public void Report(long done) => Report(done, _detail);

    /// <summary>Records progress and what is being done now (e.g. the check's name).</summary>
    public void Report(long done, string? detail)
    {
        lock (_gate)
        {
            _done = done;
            _detail = detail;
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> for an API that reports <typeparamref name="T"/>: <paramref name="read"/> gives done and total.</summary>
    public IProgress<T> For<T>(Func<T, (long Done, long? Total)> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Adapter<T>(this, read);
    }

    /// <summary>Sets the total once it is known (null: unknown, a spinner).</summary>
    public void SetTotal(long? total)
    {
        lock (_gate)
        {
            _total = total;
        }
    }

    /// <summary>Stops drawing and clears the line; writes <paramref name="finalLine"/> in its place when given.</summary>
    public void Complete(string? finalLine = null)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            _timer?.Dispose();
            _timer = null;
            if (_writer is null)
            {
                return;
            }
            if (_visible > 0)
            {
                _writer.Write("\r" + new string(' ', _visible) + "\r");
            }
            if (finalLine is not null)
            {
                _writer.WriteLine(finalLine);
            }
            _writer.Flush();
            _drawn = "";
            _visible = 0;
        }
    }

    /// <summary>Clears the line (the work ended, failed or was cancelled).</summary>
    public void Dispose() => Complete();

    /// <summary>The line for a state: a bar with percentage and counts, or a spinner with the count so far and the time.</summary>
    internal static string Render(string label, long done, long? total, string? detail, int barWidth, int columns, string spinner = "", TimeSpan elapsed = default)
    {
        var line = new StringBuilder(label);
        if (total is > 0 and var t)
        {
            var fraction = Math.Clamp((double)done / t, 0, 1);
            var filled = (int)Math.Floor(fraction * barWidth);
            line.Append(" [").Append('█', filled).Append('░', barWidth - filled).Append(']');
            line.Append(CultureInfo.InvariantCulture, $" {(int)Math.Floor(fraction * 100),3}%  {done}/{t}");
        }
        else
        {
            line.Append(' ').Append(spinner);
            if (done > 0)
            {
                line.Append(CultureInfo.InvariantCulture, $" {done}");
            }
            line.Append(CultureInfo.InvariantCulture, $" {(int)elapsed.TotalSeconds}s");
        }
        if (!string.IsNullOrEmpty(detail))
        {
            line.Append(" · ").Append(detail);
        }
        var max = Math.Max(10, columns - 1);
        return line.Length <= max ? line.ToString() : line.ToString(0, max - 1) + "…";
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_completed || _writer is null)
            {
                return;
            }
            var spinner = Spinner[_frame++ % Spinner.Length];
            var text = Render(_label, _done, _total, _detail, _options.BarWidth, _options.Columns, spinner, _options.Time.GetElapsedTime(_started));
            if (text == _drawn)
            {
                return;
            }
            // Pad over what the last frame left when this one is shorter.
            var pad = _visible > text.Length ? new string(' ', _visible - text.Length) : "";
            _writer.Write("\r" + text + pad);
            _writer.Flush();
            _drawn = text;
            _visible = Math.Max(_visible, text.Length);
            Frames++;
        }
    }

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, which posts to the thread pool and could draw after the line was cleared.</summary>
    private sealed class Adapter<T>(TerminalProgress target, Func<T, (long Done, long? Total)> read) : IProgress<T>
    {
        public void Report(T value)
        {
            var (done, total) = read(value);
            lock (target._gate)
            {
                target._done = done;
                target._total = total;
            }
        }
    }

    private static int ConsoleColumns()
    {
        try
        {
            return Console.WindowWidth is > 0 and var w ? w : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
