using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>AND / OR / NOT evaluation, and user values on Cloud (account id, email, name) and Data Center (username, key).</summary>
public sealed class JqlLogicAndUserTests : IDisposable
{
    private readonly JqlTestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Run(string jql, User? user = null) => string.Join(" ", _site.Set(jql, user));

    [Theory]
    [InlineData("project = OPS OR project = SEC AND status = Done", "OPS-1 OPS-2 SEC-3")]
    [InlineData("(project = OPS OR project = SEC) AND status = Done", "OPS-2 SEC-3")]
    [InlineData("project = OPS AND NOT status = Done OR priority = Highest", "OPS-1 SEC-2")]
    [InlineData("project = OPS AND NOT (status = Done OR priority = Highest)", "OPS-1")]
    [InlineData("NOT NOT project = OPS", "OPS-1 OPS-2")]
    [InlineData("project = OPS && status = Done || ! project = OPS && type = Story", "OPS-2 SEC-3")]
    public void Evaluate_MixedConnectives_FollowsNotAndOrPrecedence(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("NOT assignee = acc-alice", "assignee != acc-alice")]
    [InlineData("NOT priority > Medium", "priority <= Medium")]
    [InlineData("NOT labels in (login, ci)", "labels not in (login, ci)")]
    [InlineData("NOT summary ~ login", "summary !~ login")]
    [InlineData("NOT labels is EMPTY", "labels is not EMPTY")]
    [InlineData("NOT (project = SEC AND status = Done)", "project != SEC OR status != Done")]
    [InlineData("NOT (project = OPS OR assignee = acc-bob)", "project != OPS AND assignee != acc-bob")]
    public void Evaluate_Not_IsPushedDownLikeJira(string negated, string equivalent) => Assert.Equal(Run(equivalent), Run(negated));

    [Fact]
    public void Evaluate_NegativeOperator_SkipsIssuesWithoutValue()
    {
        Assert.Equal("SEC-2 SEC-4", Run("assignee != acc-alice"));
        Assert.Equal("SEC-2 SEC-4", Run("NOT assignee = acc-alice"));
        Assert.Equal("SEC-10 SEC-2 SEC-3 SEC-4 OPS-2".Split(' ').Order(StringComparer.Ordinal), _site.Set("assignee != acc-alice OR assignee is EMPTY"));
    }

    [Theory]
    [InlineData("assignee = acc-alice", "OPS-1 SEC-1")]
    [InlineData("assignee = \"ALICE@example.com\"", "OPS-1 SEC-1")]
    [InlineData("assignee = \"alice admin\"", "OPS-1 SEC-1")]
    [InlineData("assignee in (acc-alice, \"Bob Builder\")", "OPS-1 SEC-1 SEC-2")]
    [InlineData("assignee not in (acc-alice)", "SEC-2 SEC-4")]
    [InlineData("assignee is EMPTY", "OPS-2 SEC-10 SEC-3")]
    [InlineData("assignee is not EMPTY", "OPS-1 SEC-1 SEC-2 SEC-4")]
    [InlineData("assignee in (acc-carol, EMPTY)", "OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("assignee = currentUser()", "OPS-1 SEC-1")]
    [InlineData("assignee in membersOf(\"security-team\")", "OPS-1 SEC-1")]
    [InlineData("assignee in (membersOf('HR-TEAM'), EMPTY)", "OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("assignee in membersOf(\"empty-group\")", "")]
    [InlineData("reporter = acc-bob", "SEC-1")]
    [InlineData("creator = acc-bob", "SEC-1")]
    [InlineData("creator != acc-bob", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    public void Users_OnCloud_MatchByAccountIdEmailOrName(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Fact]
    public void Users_CurrentUser_IsTheCaller()
    {
        Assert.Equal("SEC-2", Run("assignee = currentUser()", _site.Bob));
        Assert.Equal("SEC-4", Run("project = SEC AND assignee = currentUser()", _site.Carol));
    }

    [Fact]
    public void Users_CurrentUserWhenAnonymous_MatchesNothingWithoutError()
    {
        var matched = _site.Site.Read(s =>
        {
            var context = new JqlContext(s, null, _ => true);
            var compiled = JqlEngine.Compile("assignee = currentUser() OR reporter in (currentUser())", context);
            return s.Issues.Count(compiled.Matches);
        });

        Assert.Equal(0, matched);
    }

    [Fact]
    public void Users_UsernameOnCloud_DoesNotExist() =>
        Assert.Equal("The value 'alice' does not exist for the field 'assignee'.", _site.Error("assignee = alice"));

    [Theory]
    [InlineData("assignee = alice", "OPS-1 SEC-1")]
    [InlineData("assignee = ALICE", "OPS-1 SEC-1")]
    [InlineData("assignee = JIRAUSER-alice", "OPS-1 SEC-1")]
    [InlineData("assignee = \"alice@example.com\"", "OPS-1 SEC-1")]
    [InlineData("assignee = \"Alice Admin\"", "OPS-1 SEC-1")]
    [InlineData("reporter in (bob, carol)", "SEC-1 SEC-3")]
    [InlineData("assignee = currentUser()", "OPS-1 SEC-1")]
    [InlineData("Approver = carol", "SEC-1")]
    public void Users_OnDataCenter_MatchByUsernameOrKey(string jql, string expected)
    {
        using var dc = new JqlTestSite(SandboxFlavor.DataCenter);

        Assert.Equal(expected, string.Join(" ", dc.Set(jql)));
    }

    [Fact]
    public void Users_AccountIdOnDataCenter_StillResolves()
    {
        using var dc = new JqlTestSite(SandboxFlavor.DataCenter);

        Assert.Equal(["OPS-1", "SEC-1"], dc.Set("assignee = acc-alice"));
    }

    [Fact]
    public void Users_UnknownNameOnDataCenter_DoesNotExist()
    {
        using var dc = new JqlTestSite(SandboxFlavor.DataCenter);

        Assert.Equal("The value 'mallory' does not exist for the field 'reporter'.", dc.Error("reporter = mallory"));
    }

    [Fact]
    public void Search_WithoutVisibilityFilter_ReturnsEveryMatch()
    {
        // The engine itself applies no issue permissions; the endpoint passes the visibility filter.
        var keys = _site.Site.Read(s => JqlEngine.Compile("assignee = acc-carol", JqlContext.For(s, _site.Alice)).Search(s.Issues).Select(i => i.Key).ToList());

        Assert.Equal(["SEC-4", "HR-1"], keys);
    }
}
