namespace JiraGate.Sandbox.Tests.Jql;

/// <summary>Every operator on the system fields, against the test site (as Alice, who cannot see project HR).</summary>
public sealed class JqlFieldTests : IDisposable
{
    private const string AllVisible = "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-3 SEC-4";

    private readonly JqlTestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Run(string jql) => string.Join(" ", _site.Set(jql));

    [Theory]
    [InlineData("project = SEC", "SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("project = sec", "SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("project = Security", "SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("project = 1", "SEC-1 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("project = \"2\"", "OPS-1 OPS-2")]
    [InlineData("project != SEC", "OPS-1 OPS-2")]
    [InlineData("project in (SEC, Operations)", AllVisible)]
    [InlineData("project not in (SEC)", "OPS-1 OPS-2")]
    [InlineData("project is EMPTY", "")]
    [InlineData("project is not EMPTY", AllVisible)]
    public void Project_EachOperator_MatchesByKeyNameOrId(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("status = \"In Progress\"", "OPS-1 SEC-10 SEC-2")]
    [InlineData("status = 'in progress'", "OPS-1 SEC-10 SEC-2")]
    [InlineData("status = 3", "OPS-1 SEC-10 SEC-2")]
    [InlineData("status != Done", "OPS-1 SEC-1 SEC-10 SEC-2 SEC-4")]
    [InlineData("status in (\"To Do\", Done)", "OPS-2 SEC-1 SEC-3 SEC-4")]
    [InlineData("status not in (\"To Do\", Done)", "OPS-1 SEC-10 SEC-2")]
    [InlineData("status is EMPTY", "")]
    [InlineData("statusCategory = \"In Progress\"", "OPS-1 SEC-10 SEC-2")]
    [InlineData("statusCategory = done", "OPS-2 SEC-3")]
    [InlineData("statusCategory != Done", "OPS-1 SEC-1 SEC-10 SEC-2 SEC-4")]
    [InlineData("statusCategory in (new, 3)", "OPS-2 SEC-1 SEC-3 SEC-4")]
    [InlineData("statusCategory not in (\"To Do\")", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3")]
    public void Status_EachOperator_MatchesByNameIdOrCategory(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("priority = High", "SEC-1")]
    [InlineData("priority != High", "OPS-1 OPS-2 SEC-2 SEC-3 SEC-4")]
    [InlineData("priority in (Highest, 2)", "SEC-1 SEC-2")]
    [InlineData("priority not in (Medium)", "OPS-2 SEC-1 SEC-2 SEC-3")]
    [InlineData("priority > Medium", "SEC-1 SEC-2")]
    [InlineData("priority >= Medium", "OPS-1 SEC-1 SEC-2 SEC-4")]
    [InlineData("priority < Medium", "OPS-2 SEC-3")]
    [InlineData("priority <= Low", "OPS-2 SEC-3")]
    [InlineData("priority is EMPTY", "SEC-10")]
    [InlineData("priority is not EMPTY", "OPS-1 OPS-2 SEC-1 SEC-2 SEC-3 SEC-4")]
    public void Priority_EachOperator_ComparesByPriorityOrder(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("type = Bug", "OPS-2 SEC-2")]
    [InlineData("issuetype in (Task, Story)", "OPS-1 SEC-1 SEC-10 SEC-3")]
    [InlineData("issuetype = 10004", "SEC-4")]
    [InlineData("issuetype != Task", "OPS-2 SEC-2 SEC-3 SEC-4")]
    [InlineData("issuetype not in (Task, Bug)", "SEC-3 SEC-4")]
    [InlineData("issuetype in standardIssueTypes()", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-3")]
    [InlineData("issuetype in subTaskIssueTypes()", "SEC-4")]
    [InlineData("type is not EMPTY", AllVisible)]
    public void IssueType_EachOperator_MatchesByNameOrId(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("resolution = Done", "SEC-3")]
    [InlineData("resolution = Unresolved", "OPS-1 SEC-1 SEC-10 SEC-2 SEC-4")]
    [InlineData("resolution is EMPTY", "OPS-1 SEC-1 SEC-10 SEC-2 SEC-4")]
    [InlineData("resolution != Unresolved", "OPS-2 SEC-3")]
    [InlineData("resolution in (\"Won't Do\", Duplicate)", "OPS-2")]
    [InlineData("resolution not in (Done)", "OPS-2")]
    [InlineData("resolution > Done", "OPS-2")]
    [InlineData("resolution <= \"Won't Do\"", "OPS-2 SEC-3")]
    public void Resolution_EachOperator_TreatsUnresolvedAsEmpty(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("labels = security", "SEC-1")]
    [InlineData("labels = SECURITY", "SEC-1")]
    [InlineData("labels in (network, ci)", "OPS-1 SEC-2")]
    [InlineData("labels != login", "OPS-1 SEC-2")]
    [InlineData("labels not in (login, ci)", "SEC-2")]
    [InlineData("labels is EMPTY", "OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("labels in (ci, EMPTY)", "OPS-1 OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("labels = nosuchlabel", "")]
    public void Labels_EachOperator_MatchesAnyLabel(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("component = Auth", "OPS-1 SEC-1")]
    [InlineData("component = 10100", "SEC-1")]
    [InlineData("component in (Network, 10110)", "OPS-1 SEC-2")]
    [InlineData("component != Auth", "SEC-2")]
    [InlineData("component not in (Network)", "OPS-1 SEC-1")]
    [InlineData("component is EMPTY", "OPS-2 SEC-10 SEC-3 SEC-4")]
    public void Component_EachOperator_MatchesByNameAcrossProjects(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("fixVersion = 1.1", "SEC-1")]
    [InlineData("fixVersion = \"1.0\"", "OPS-1")]
    [InlineData("fixVersion != 2.0", "OPS-1 SEC-1")]
    [InlineData("fixVersion in (1.1, 2.0)", "SEC-1 SEC-2")]
    [InlineData("fixVersion not in (1.1)", "OPS-1 SEC-2")]
    [InlineData("fixVersion < 2.0", "SEC-1")]
    [InlineData("fixVersion >= 1.1", "SEC-1 SEC-2")]
    [InlineData("fixVersion > 1.0", "SEC-1 SEC-2")]
    [InlineData("fixVersion <= 1.0", "OPS-1")]
    [InlineData("fixVersion is EMPTY", "OPS-2 SEC-10 SEC-3 SEC-4")]
    [InlineData("fixVersion in releasedVersions()", "OPS-1 SEC-1")]
    [InlineData("fixVersion in unreleasedVersions(SEC)", "SEC-2")]
    [InlineData("fixVersion in releasedVersions(OPS)", "OPS-1")]
    [InlineData("affectedVersion = 1.0", "SEC-2")]
    [InlineData("affectedVersion is not EMPTY", "SEC-2")]
    public void Versions_EachOperator_CompareWithinTheirProject(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("sprint = 2", "SEC-1 SEC-2")]
    [InlineData("sprint = \"SEC Sprint 1\"", "SEC-3")]
    [InlineData("sprint in openSprints()", "SEC-1 SEC-2")]
    [InlineData("sprint in closedSprints()", "SEC-3")]
    [InlineData("sprint in futureSprints()", "SEC-3")]
    [InlineData("sprint not in openSprints()", "SEC-3")]
    [InlineData("sprint != 1", "SEC-1 SEC-2")]
    [InlineData("sprint is EMPTY", "OPS-1 OPS-2 SEC-10 SEC-4")]
    [InlineData("cf[10020] = 3", "SEC-3")]
    [InlineData("Sprint in (1, 2)", "SEC-1 SEC-2 SEC-3")]
    public void Sprint_EachOperator_MatchesSprintListAndSprintField(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("level = Internal", "SEC-3")]
    [InlineData("level = 10300", "SEC-3")]
    [InlineData("level != Internal", "")]
    [InlineData("level is EMPTY", "OPS-1 OPS-2 SEC-1 SEC-10 SEC-2 SEC-4")]
    [InlineData("level in (Internal)", "SEC-3")]
    public void SecurityLevel_EachOperator_MatchesByNameOrId(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("key = SEC-1", "SEC-1")]
    [InlineData("issuekey in (SEC-1, ops-2)", "OPS-2 SEC-1")]
    [InlineData("id = 102", "SEC-2")]
    [InlineData("issue = 'sec-2'", "SEC-2")]
    [InlineData("key != SEC-1", "OPS-1 OPS-2 SEC-10 SEC-2 SEC-3 SEC-4")]
    [InlineData("key not in (SEC-1, SEC-2, SEC-3)", "OPS-1 OPS-2 SEC-10 SEC-4")]
    [InlineData("key > SEC-2", "SEC-10 SEC-3 SEC-4")]
    [InlineData("key >= SEC-3", "SEC-10 SEC-3 SEC-4")]
    [InlineData("key <= SEC-3", "SEC-1 SEC-2 SEC-3")]
    [InlineData("key < 103", "SEC-1 SEC-2")]
    [InlineData("key > SEC-999", "")]
    public void IssueKey_EachOperator_ComparesNumbersWithinProject(string jql, string expected) => Assert.Equal(expected, Run(jql));

    [Theory]
    [InlineData("parent = SEC-1", "SEC-4")]
    [InlineData("parent = 101", "SEC-4")]
    [InlineData("parent in (SEC-1, SEC-2)", "SEC-4")]
    [InlineData("parent != SEC-2", "SEC-4")]
    [InlineData("parent not in (SEC-1)", "")]
    public void Parent_EachOperator_MatchesChildren(string jql, string expected) => Assert.Equal(expected, Run(jql));
}
