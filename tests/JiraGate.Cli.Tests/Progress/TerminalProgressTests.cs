using JiraGate.Cli.Admin;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Cli.Tests.Progress;

public sealed class TerminalProgressTests
{
    private static readonly TimeSpan ShowAfter = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData(0, "verifying [░░░░░░░░░░]   0%  0/200")]
    [InlineData(100, "verifying [█████░░░░░]  50%  100/200")]
    [InlineData(200, "verifying [██████████] 100%  200/200")]
    public void Render_KnownTotal_BarPercentAndCounts(long done, string expected) =>
        Assert.Equal(expected, TerminalProgress.Render("verifying", done, 200, null, barWidth: 10, columns: 80));

    [Fact]
    public void Render_MoreThanTheTotal_StaysAtAFullBar() =>
        Assert.Equal("x [████] 100%  9/4", TerminalProgress.Render("x", 9, 4, null, barWidth: 4, columns: 80));

    [Fact]
    public void Render_UnknownTotal_SpinnerCountAndElapsedSeconds() =>
        Assert.Equal("exporting ⠙ 1234 3s · records", TerminalProgress.Render("exporting", 1234, null, "records", 10, 80, "⠙", TimeSpan.FromSeconds(3.7)));

    [Fact]
    public void Render_LongerThanTheTerminal_CutSoItNeverWraps()
    {
        var line = TerminalProgress.Render("doctor", 3, 7, new string('d', 200), barWidth: 10, columns: 40);

        Assert.Equal(39, line.Length);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_QuickWork_DrawsNothingBeforeShowAfter()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using (var progress = new TerminalProgress(error, "verifying", 10, Options(time)))
        {
            for (var i = 0; i <= 10; i++)
            {
                progress.Report(i);
            }
            time.Advance(ShowAfter - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, progress.Frames);
        }

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Report_ManyReportsBetweenTicks_AtMostOneFramePerInterval()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using var progress = new TerminalProgress(error, "verifying", 1000, Options(time));
        for (var i = 0; i < 500; i++)
        {
            progress.Report(i);
        }
        time.Advance(ShowAfter);
        Assert.Equal(1, progress.Frames);
        Assert.EndsWith("499/1000", error.ToString(), StringComparison.Ordinal);

        for (var i = 500; i < 900; i++)
        {
            progress.Report(i);
        }
        time.Advance(Interval / 2);
        Assert.Equal(1, progress.Frames);
        time.Advance(Interval / 2);
        Assert.Equal(2, progress.Frames);
        Assert.EndsWith("\r" + TerminalProgress.Render("verifying", 899, 1000, null, 24, 80), error.ToString(), StringComparison.Ordinal);

        // Nothing changed: the tick does not rewrite the same line.
        time.Advance(Interval);
        Assert.Equal(2, progress.Frames);
    }

    [Fact]
    public void Complete_ClearsTheLineAndDrawsNoMore()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var progress = new TerminalProgress(error, "exporting", 4, Options(time));
        progress.Report(2);
        time.Advance(ShowAfter);
        var frame = TerminalProgress.Render("exporting", 2, 4, null, 24, 80);

        progress.Complete();
        progress.Report(3);
        time.Advance(Interval * 5);
        progress.Dispose();

        Assert.Equal("\r" + frame + "\r" + new string(' ', frame.Length) + "\r", error.ToString());
    }

    [Fact]
    public void Complete_WithAFinalLine_WritesItInPlaceOfTheBar()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using var progress = new TerminalProgress(error, "exporting", 4, Options(time));
        progress.Report(4);
        time.Advance(ShowAfter);

        progress.Complete("exported 4 records");

        Assert.EndsWith("\rexported 4 records" + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_AShorterLine_PadsOverTheLongerOne()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using var progress = new TerminalProgress(error, "doctor", 7, Options(time));
        progress.Report(1, "a long detail text");
        time.Advance(ShowAfter);
        var first = TerminalProgress.Render("doctor", 1, 7, "a long detail text", 24, 80);
        progress.Report(2, "short");
        time.Advance(Interval);
        var second = TerminalProgress.Render("doctor", 2, 7, "short", 24, 80);

        Assert.Equal("\r" + first + "\r" + second + new string(' ', first.Length - second.Length), error.ToString());
    }

    [Fact]
    public void For_AnApisProgressType_ReportsSynchronously()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        using var progress = new TerminalProgress(error, "verifying", null, Options(time));

        progress.For<(long, long)>(p => (p.Item1, p.Item2)).Report((3, 6));
        time.Advance(ShowAfter);

        Assert.EndsWith("50%  3/6", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, false, null, "xterm-256color", true)]
    [InlineData(true, true, false, null, "xterm-256color", false)] // --json
    [InlineData(false, false, false, null, "xterm-256color", false)] // a writer that is not the console (tests, redirection by the caller)
    [InlineData(false, true, true, null, "xterm-256color", false)] // stderr redirected to a file or pipe
    [InlineData(false, true, false, "1", "xterm-256color", false)] // NO_COLOR
    [InlineData(false, true, false, null, "dumb", false)] // TERM=dumb
    [InlineData(false, true, false, "", null, true)] // NO_COLOR set but empty does not count (no-color.org)
    public void ShouldDraw_OnlyOnAPlainTerminal(bool json, bool writerIsConsole, bool redirected, string? noColor, string? term, bool expected) =>
        Assert.Equal(expected, TerminalProgress.ShouldDraw(json, writerIsConsole, redirected, noColor, term));

    [Fact]
    public void Start_OnACapturedWriter_IsSilent()
    {
        using var error = new StringWriter();
        using (var progress = TerminalProgress.Start(error, json: false, "verifying", 10))
        {
            Assert.False(progress.Enabled);
            progress.Report(5);
            progress.Complete("done");
        }

        Assert.Equal("", error.ToString());
    }

    private static TerminalProgressOptions Options(FakeTimeProvider time) =>
        new() { Time = time, ShowAfter = ShowAfter, Interval = Interval, Columns = 80, BarWidth = 24 };
}
