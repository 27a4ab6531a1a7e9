using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>
/// The engine on 100,000 issues: the same answers at scale, and names resolved once at compile time.
/// </summary>
public sealed class JqlScaleTests : IClassFixture<JqlScaleTests.BigSite>
{
    private readonly BigSite _big;

    public JqlScaleTests(BigSite big) => _big = big;

    [Fact]
    public void Matches_ProjectAndStatusOn100kIssues_FindsEveryMatch()
    {
        // Correctness at scale only: speed is measured in bench/ (search/jql on 100,000 issues), never asserted here.
        var count = _big.Site.Site.Read(s =>
        {
            var compiled = JqlEngine.Compile("project = BULK AND status = \"In Progress\"", JqlContext.For(s, _big.Site.Alice));
            return s.Data.Issues.Count(compiled.Matches);
        });
        Assert.Equal(50_000, count);
    }

    [Fact]
    public void Search_SortedPageOn100kIssues_IsOrderedNewestFirst()
    {
        var page = _big.Site.Site.Read(s =>
        {
            var compiled = JqlEngine.Compile("project = BULK AND status = \"In Progress\" AND type in (Task, Bug) ORDER BY created DESC", JqlContext.For(s, _big.Site.Alice));
            return compiled.Search(s.Data.Issues).Take(50).ToList();
        });
        Assert.Equal(50, page.Count);
        Assert.Equal(page.OrderByDescending(i => i.Created).ThenBy(i => i.Id).Select(i => i.Id), page.Select(i => i.Id));
    }

    [Fact]
    public void Compile_ResolvesNamesOnce_PredicateComparesIdsOnly()
    {
        using var site = new JqlTestSite();
        var compiled = site.Site.Read(s => JqlEngine.Compile("project = SEC AND status = \"In Progress\" AND assignee = \"Bob Builder\"", JqlContext.For(s, site.Alice)));

        // Renaming after compilation changes nothing: the predicate holds ids, not names.
        site.Site.Write(s =>
        {
            s.Data.Statuses.Single(x => x.Name == "In Progress").Name = "Doing";
            s.Data.Projects.Single(p => p.Key == "SEC").Name = "Renamed";
            s.UserByAccountId("acc-bob")!.DisplayName = "Robert";
        });

        Assert.Equal(["SEC-2"], site.Site.Read(s => s.Issues.Where(compiled.Matches).Select(i => i.Key).ToList()));
    }

    public sealed class BigSite : IDisposable
    {
        internal JqlTestSite Site { get; } = new(extraIssues: 100_000);

        public void Dispose() => Site.Dispose();
    }
}
