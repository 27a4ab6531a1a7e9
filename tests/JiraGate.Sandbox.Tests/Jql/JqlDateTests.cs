using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>Date values, relative periods and the date functions, against the site clock (Wed 2024-03-06 15:30 UTC).</summary>
public sealed class JqlDateTests : IDisposable
{
    private readonly JqlTestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Run(string jql) => string.Join(" ", _site.Set(jql));

    [Theory]
    [InlineData("created > \"2024-03-01\"", "SEC-10 SEC-3 SEC-4")]
    [InlineData("created >= \"2024-03-01 12:00\"", "SEC-10 SEC-3 SEC-4")]
    [InlineData("created > \"2024/03/01 12:00\"", "SEC-10 SEC-4")]
    [InlineData("created < \"2024/01/15\"", "SEC-1")]
    [InlineData("created <= 2024-01-15", "SEC-1")]
    [InlineData("created = \"2024-01-10 09:00\"", "SEC-1")]
    [InlineData("created != \"2024-01-10 09:00\"", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("created in (\"2024-01-10 09:00\", \"2024-01-15 10:00\")", "OPS-1 SEC-1")]
    [InlineData("created not in (\"2024-01-10 09:00\")", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("createdDate > 1709251200000", "SEC-10 SEC-3 SEC-4")]
    [InlineData("created is EMPTY", "")]
    [InlineData("updated < \"2024-01-13\"", "SEC-1")]
    [InlineData("updatedDate >= \"2024-03-02\"", "SEC-10 SEC-4")]
    [InlineData("resolved >= \"2024-03-06\"", "OPS-2")]
    [InlineData("resolutiondate is EMPTY", "OPS-1 SEC-1 SEC-10 SEC-2 SEC-4")]
    [InlineData("resolved is not EMPTY", "OPS-2 SEC-3")]
    public void DateTimeFields_AbsoluteValues_CompareInstants(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("due = \"2024-03-06\"", "SEC-4")]
    [InlineData("due = \"2024-03-06 23:59\"", "SEC-4")]
    [InlineData("duedate <= now()", "SEC-1 SEC-4")]
    [InlineData("duedate < now()", "SEC-1")]
    [InlineData("due > -1d", "SEC-4")]
    [InlineData("due >= startOfWeek()", "SEC-4")]
    [InlineData("due != \"2024-02-01\"", "SEC-4")]
    [InlineData("due is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3")]
    [InlineData("\"Target date\" > \"2024-03-20\"", "SEC-2")]
    [InlineData("\"Target date\" <= endOfMonth()", "SEC-1")]
    [InlineData("cf[10050] = \"2024-03-15\"", "SEC-1")]
    [InlineData("cf[10050] is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-3 SEC-4")]
    public void DateOnlyFields_CompareByDay(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("created > -5d", "SEC-10 SEC-4")]
    [InlineData("created >= -1w", "SEC-10 SEC-3 SEC-4")]
    [InlineData("created > \"-4d 6h\"", "SEC-10 SEC-4")]
    [InlineData("created > \"-3d 331m\"", "SEC-10")]
    [InlineData("created < \"-2w\"", "OPS-1 OPS-2 SEC-1 SEC-2")]
    [InlineData("resolved > \"-7h\"", "OPS-2")]
    [InlineData("resolved > -6h", "")]
    [InlineData("created < \"4h\"", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    public void RelativePeriods_CountFromTheSiteClock(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Fact]
    public void RelativePeriods_WhenTheClockMoves_MoveWithIt()
    {
        Assert.Equal("SEC-10", Run("created > -4d"));

        _site.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("", Run("created > -4d"));
    }

    [Theory]
    [InlineData("created <= now()", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("created > now()", "")]
    [InlineData("created >= startOfDay(-3)", "SEC-10")]
    [InlineData("created >= startOfDay(\"-3d\")", "SEC-10")]
    [InlineData("created < endOfDay(-4)", "OPS-1 OPS-2 SEC-1 SEC-2 SEC-3 SEC-4")]
    [InlineData("created >= startOfWeek()", "SEC-10")]
    [InlineData("created >= startOfWeek(-1)", "SEC-10 SEC-3 SEC-4")]
    [InlineData("created <= endOfWeek(-1)", "OPS-1 OPS-2 SEC-1 SEC-2 SEC-3 SEC-4")]
    [InlineData("created >= startOfMonth()", "SEC-10 SEC-3 SEC-4")]
    [InlineData("created >= startOfMonth(-1)", "OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("created <= endOfMonth(\"-1M\")", "OPS-1 OPS-2 SEC-1 SEC-2")]
    [InlineData("created >= startOfYear()", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("created <= endOfYear(-1)", "")]
    [InlineData("created IN (now(), \"2024-01-10 09:00\")", "SEC-1")]
    public void DateFunctions_InClauses_ResolveAgainstNow(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("startOfDay", false, null, "2024-03-06T00:00:00")]
    [InlineData("endOfDay", true, null, "2024-03-06T23:59:59.9999999")]
    [InlineData("startOfDay", false, "-1", "2024-03-05T00:00:00")]
    [InlineData("startOfDay", false, "+1h", "2024-03-06T01:00:00")]
    [InlineData("endOfDay", true, "-1", "2024-03-05T23:59:59.9999999")]
    [InlineData("startOfWeek", false, null, "2024-03-03T00:00:00")]
    [InlineData("endOfWeek", true, null, "2024-03-09T23:59:59.9999999")]
    [InlineData("startOfWeek", false, "1d", "2024-03-04T00:00:00")]
    [InlineData("startOfMonth", false, null, "2024-03-01T00:00:00")]
    [InlineData("startOfMonth", false, "+15d", "2024-03-16T00:00:00")]
    [InlineData("startOfMonth", false, "+1M", "2024-04-01T00:00:00")]
    [InlineData("endOfMonth", true, null, "2024-03-31T23:59:59.9999999")]
    [InlineData("endOfMonth", true, "-1", "2024-02-29T23:59:59.9999999")]
    [InlineData("startOfYear", false, "-1y", "2023-01-01T00:00:00")]
    [InlineData("endOfYear", true, null, "2024-12-31T23:59:59.9999999")]
    [InlineData("endOfYear", true, "+2", "2026-12-31T23:59:59.9999999")]
    public void TryBoundary_EachFunction_ComputesJirasBoundary(string function, bool end, string? offset, string expected)
    {
        var period = Enum.Parse<JqlDates.Period>(function.Replace("startOf", "", StringComparison.Ordinal).Replace("endOf", "", StringComparison.Ordinal));

        Assert.True(JqlDates.TryBoundary(period, end, offset, JqlTestSite.Now, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected + "Z", System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("-15m", -15)]
    [InlineData("-1d", -1440)]
    [InlineData("-2w", -20160)]
    [InlineData("4h", 240)]
    [InlineData("1w 2d", 12960)]
    [InlineData("1w2d", 12960)]
    [InlineData("+3d", 4320)]
    [InlineData("-1d 6h", -1800)]
    public void TryParsePeriod_JiraUnits_GiveMinutes(string text, int minutes)
    {
        Assert.True(JqlDates.TryParsePeriod(text, out var period));
        Assert.Equal(TimeSpan.FromMinutes(minutes), period);
    }

    [Theory]
    [InlineData("1M")]
    [InlineData("1y")]
    [InlineData("d")]
    [InlineData("-")]
    [InlineData("5")]
    [InlineData("1d 2x")]
    [InlineData("99999999999d")]
    public void TryParsePeriod_NotJiraPeriod_Fails(string text) => Assert.False(JqlDates.TryParsePeriod(text, out _));

    [Theory]
    [InlineData("-1x")]
    [InlineData("1w 2d")]
    [InlineData("+")]
    [InlineData("999999999y")]
    public void TryBoundary_BadOffset_Fails(string offset) =>
        Assert.False(JqlDates.TryBoundary(JqlDates.Period.Day, end: false, offset, JqlTestSite.Now, out _));
}
