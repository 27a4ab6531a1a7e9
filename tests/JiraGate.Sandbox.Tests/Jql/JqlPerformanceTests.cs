using System.Diagnostics;
using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>
/// Benchmarks run on 100,000 issues: matching must stay a matter of id comparisons. Bounds are generous (a shared
/// CI machine is slower than a benchmark box) but a per-issue name lookup would still blow through them.
/// </summary>
public sealed class JqlPerformanceTests : IClassFixture<JqlPerformanceTests.BigSite>
{
    private readonly BigSite _big;

    public JqlPerformanceTests(BigSite big) => _big = big;

    [Fact]
    public void Matches_ProjectAndStatusOn100kIssues_TakesMilliseconds()
    {
        var (count, best) = _big.Site.Site.Read(s =>
        {
            var compiled = JqlEngine.Compile("project = BULK AND status = \"In Progress\"", JqlContext.For(s, _big.Site.Alice));
            var issues = s.Data.Issues;
            var matches = 0;
            var fastest = TimeSpan.MaxValue;
            for (var run = 0; run < 7; run++)
            {
                var watch = Stopwatch.StartNew();
                matches = 0;
                foreach (var issue in issues)
                {
                    if (compiled.Matches(issue))
                    {
                        matches++;
                    }
                }
                fastest = TimeSpan.FromTicks(Math.Min(fastest.Ticks, watch.Elapsed.Ticks));
            }
            return (matches, fastest);
        });

        Assert.Equal(50_000, count);
        Assert.True(best < TimeSpan.FromMilliseconds(50), $"100k issues took {best.TotalMilliseconds:F2} ms");
    }

    [Fact]
    public void Search_SortedPageOn100kIssues_StaysFast()
    {
        var best = _big.Site.Site.Read(s =>
        {
            var fastest = TimeSpan.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var watch = Stopwatch.StartNew();
                var compiled = JqlEngine.Compile("project = BULK AND status = \"In Progress\" AND type in (Task, Bug) ORDER BY created DESC", JqlContext.For(s, _big.Site.Alice));
                var page = compiled.Search(s.Data.Issues).Take(50).ToList();
                fastest = TimeSpan.FromTicks(Math.Min(fastest.Ticks, watch.Elapsed.Ticks));
                Assert.Equal(50, page.Count);
            }
            return fastest;
        });

        Assert.True(best < TimeSpan.FromSeconds(1), $"search and sort took {best.TotalMilliseconds:F2} ms");
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
