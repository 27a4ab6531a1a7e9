using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>ORDER BY: field orders, directions, defaults, empty values and the stable tiebreak by issue id.</summary>
public sealed class JqlOrderByTests : IDisposable
{
    private readonly JqlTestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Run(string jql) => string.Join(" ", _site.Keys(jql));

    [Fact]
    public void Search_NoOrderBy_IsNewestFirst() =>
        Assert.Equal("SEC-10 SEC-4 SEC-3 OPS-2 SEC-2 OPS-1 SEC-1", Run("project in (SEC, OPS)"));

    [Fact]
    public void Search_EmptyQuery_MatchesEverythingVisibleNewestFirst() =>
        Assert.Equal("SEC-10 SEC-4 SEC-3 OPS-2 SEC-2 OPS-1 SEC-1", Run(""));

    [Theory]
    [InlineData("ORDER BY key", "OPS-1 OPS-2 SEC-1 SEC-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("ORDER BY key DESC", "SEC-10 SEC-4 SEC-3 SEC-2 SEC-1 OPS-2 OPS-1")]
    [InlineData("ORDER BY created", "SEC-10 SEC-4 SEC-3 OPS-2 SEC-2 OPS-1 SEC-1")]
    [InlineData("ORDER BY created ASC", "SEC-1 OPS-1 SEC-2 OPS-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("ORDER BY updated ASC", "SEC-1 OPS-1 SEC-2 OPS-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("ORDER BY priority", "SEC-10 SEC-2 SEC-1 SEC-4 OPS-1 SEC-3 OPS-2")]
    [InlineData("ORDER BY priority ASC", "OPS-2 SEC-3 SEC-4 OPS-1 SEC-1 SEC-2 SEC-10")]
    [InlineData("ORDER BY summary", "SEC-4 SEC-10 OPS-1 OPS-2 SEC-2 SEC-1 SEC-3")]
    [InlineData("ORDER BY assignee", "SEC-1 OPS-1 SEC-2 SEC-4 SEC-3 SEC-10 OPS-2")]
    [InlineData("ORDER BY duedate", "SEC-1 SEC-4 SEC-2 SEC-3 SEC-10 OPS-1 OPS-2")]
    [InlineData("ORDER BY rank", "SEC-1 SEC-2 SEC-3 SEC-4 SEC-10 OPS-1 OPS-2")]
    [InlineData("ORDER BY status, key", "SEC-1 SEC-4 OPS-1 SEC-2 SEC-10 OPS-2 SEC-3")]
    [InlineData("ORDER BY statusCategory DESC, key", "OPS-2 SEC-3 OPS-1 SEC-2 SEC-10 SEC-1 SEC-4")]
    [InlineData("ORDER BY issuetype, key", "OPS-1 SEC-1 SEC-10 OPS-2 SEC-2 SEC-3 SEC-4")]
    [InlineData("ORDER BY resolution, key", "SEC-3 OPS-2 OPS-1 SEC-1 SEC-2 SEC-4 SEC-10")]
    [InlineData("ORDER BY resolved DESC, key", "OPS-1 SEC-1 SEC-2 SEC-4 SEC-10 OPS-2 SEC-3")]
    [InlineData("ORDER BY labels, key", "OPS-1 SEC-1 SEC-2 OPS-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("ORDER BY component, key", "OPS-1 SEC-1 SEC-2 OPS-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("ORDER BY fixVersion, key", "OPS-1 SEC-1 SEC-2 OPS-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("ORDER BY sprint DESC, key", "OPS-1 OPS-2 SEC-4 SEC-10 SEC-3 SEC-1 SEC-2")]
    [InlineData("ORDER BY level, key", "SEC-3 OPS-1 OPS-2 SEC-1 SEC-2 SEC-4 SEC-10")]
    [InlineData("ORDER BY reporter, creator, key", "OPS-1 OPS-2 SEC-2 SEC-4 SEC-10 SEC-1 SEC-3")]
    public void Search_OrderByField_SortsLikeJira(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("\"Story Points\" is not EMPTY ORDER BY \"Story Points\" DESC", "SEC-2 SEC-1")]
    [InlineData("project = SEC ORDER BY cf[10016] ASC", "SEC-1 SEC-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("project = SEC ORDER BY Severity DESC", "SEC-3 SEC-4 SEC-10 SEC-2 SEC-1")]
    [InlineData("project = SEC ORDER BY \"Target date\" DESC", "SEC-3 SEC-4 SEC-10 SEC-2 SEC-1")]
    [InlineData("project = SEC ORDER BY Team, key", "SEC-1 SEC-2 SEC-3 SEC-4 SEC-10")]
    [InlineData("project = SEC ORDER BY Approver DESC, Tags", "SEC-2 SEC-3 SEC-4 SEC-10 SEC-1")]
    public void Search_OrderByCustomField_SortsByItsValue(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Fact]
    public void Search_SeveralFields_AppliesThemInTurn() =>
        Assert.Equal("SEC-1 SEC-4 SEC-10 SEC-2 SEC-3", Run("project = SEC ORDER BY status ASC, priority DESC"));

    [Fact]
    public void Search_TiesOnEveryField_BreakByIssueIdInBothDirections()
    {
        Assert.Equal("OPS-1 OPS-2 SEC-1 SEC-2 SEC-3 SEC-4 SEC-10", Run("ORDER BY project"));
        Assert.Equal("SEC-1 SEC-2 SEC-3 SEC-4 SEC-10 OPS-1 OPS-2", Run("ORDER BY project DESC"));
    }

    [Fact]
    public void Comparer_SortsLikeSearch()
    {
        var (searched, sorted) = _site.Site.Read(s =>
        {
            var compiled = JqlEngine.Compile("project = SEC ORDER BY status ASC, priority DESC", JqlContext.For(s, _site.Alice));
            var matching = s.Issues.Where(compiled.Matches).Reverse().ToList();
            matching.Sort(compiled.Comparer);
            return (compiled.Search(s.Issues).Select(i => i.Key).ToList(), matching.Select(i => i.Key).ToList());
        });

        Assert.Equal(searched, sorted);
    }

    [Fact]
    public void Search_ManyEqualIssues_PagesWithoutOverlap()
    {
        using var site = new JqlTestSite(extraIssues: 300);

        var pages = site.Site.Read(s =>
        {
            var compiled = JqlEngine.Compile("project = BULK ORDER BY status", JqlContext.For(s, site.Alice));
            var shuffled = s.Issues.OrderBy(i => (i.Id * 7919) % 1013).ToList();
            var first = compiled.Search(s.Issues);
            var second = compiled.Search(shuffled);
            return (first, second);
        });

        Assert.Equal(300, pages.first.Count);
        Assert.Equal(pages.first.Select(i => i.Id), pages.second.Select(i => i.Id));
        Assert.Equal(300, pages.first.Chunk(50).SelectMany(page => page).Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Comparer_NullIssues_SortFirst()
    {
        var comparer = _site.Site.Read(s => JqlEngine.Compile("ORDER BY key", JqlContext.For(s, _site.Alice)).Comparer);
        var issue = _site.Site.Read(s => s.Issues.First());

        Assert.True(comparer.Compare(null, issue) < 0);
        Assert.True(comparer.Compare(issue, null) > 0);
        Assert.Equal(0, comparer.Compare(issue, issue));
    }

    [Fact]
    public void SortValue_MissingValues_AreGreatest()
    {
        Assert.True(JqlSortValue.Of(5L).CompareTo(JqlSortValue.Missing) < 0);
        Assert.True(JqlSortValue.Missing.CompareTo(JqlSortValue.Of("zzz")) > 0);
        Assert.True(JqlSortValue.Of("abc").CompareTo(JqlSortValue.Of("ABD")) < 0);
        Assert.True(JqlSortValue.Of("SEC", 2).CompareTo(JqlSortValue.Of("sec", 10)) < 0);
    }

    [Fact]
    public void Compile_OrderByOnDataCenter_HasNoFieldCap()
    {
        using var dc = new JqlTestSite(SandboxFlavor.DataCenter);
        var fields = string.Join(", ", Enumerable.Repeat("key", 12));

        Assert.Equal(7, dc.Keys("ORDER BY " + fields).Count);
    }
}
