using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>How an agent's JQL is split, checked and wrapped in the scope clause (no Jira involved).</summary>
public sealed class JqlScopingTests
{
    [Theory]
    [InlineData("project = SEC", "project = SEC", null)]
    [InlineData("status = Open ORDER BY created DESC", "status = Open", "created DESC")]
    [InlineData("status = Open order   by key asc, \"Story Points\" DESC", "status = Open", "key asc, \"Story Points\" DESC")]
    [InlineData("ORDER BY key", null, "key")]
    [InlineData("summary ~ \"order by (x\"", "summary ~ \"order by (x\"", null)]
    [InlineData("summary ~ 'it''s'", "summary ~ 'it''s'", null)]
    [InlineData("summary ~ \"a \\\" ) b\"", "summary ~ \"a \\\" ) b\"", null)]
    [InlineData("assignee in membersOf(\"sec-team\") AND (a = 1 OR b = 2) ORDER BY cf[10016]", "assignee in membersOf(\"sec-team\") AND (a = 1 OR b = 2)", "cf[10016]")]
    [InlineData("labels = reorder", "labels = reorder", null)]
    public void Split_WellFormedJql_GivesConditionAndOrder(string jql, string? condition, string? orderBy)
    {
        var (c, o) = JqlScoping.Split(jql, "jql");
        Assert.Equal(condition, c);
        Assert.Equal(orderBy, o);
    }

    [Theory]
    [InlineData("project = SEC) OR (project = HR")]
    [InlineData("project = SEC)) OR ((project = HR")]
    [InlineData("project = SEC) OR project = HR OR (project = SEC")]
    [InlineData("(project = SEC")]
    [InlineData("project = SEC)")]
    [InlineData("summary ~ \"unclosed")]
    [InlineData("summary ~ 'unclosed")]
    [InlineData("summary ~ a\\\") OR (project = HR")]
    [InlineData("summary ~ \"x\\\") OR (project = HR")]
    [InlineData("project = SEC \\")]
    [InlineData("project = HR ORDER BY key) OR (project = HR")]
    [InlineData("project = SEC ORDER BY key ORDER BY created")]
    [InlineData("(project = SEC ORDER BY key)")]
    [InlineData("project = SEC ORDER BY key, (project = HR)")]
    [InlineData("project = SEC ORDER BY key OR project = HR")]
    [InlineData("project = SEC ORDER BY")]
    public void Split_HostileOrBrokenJql_IsRefusedNamingTheArgument(string jql)
    {
        var ex = Assert.Throws<OperationArgumentException>(() => JqlScoping.Split(jql, "jql"));
        Assert.Equal("jql", ex.Argument);
        Assert.Contains("jql", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constrain_RestrictedScope_WrapsConditionAndKeepsOrder()
    {
        var jql = JqlScoping.Constrain(Scopes.Of(["SEC", "OPS"]), "status = Open OR status = \"In Progress\" ORDER BY key DESC", "jql");
        Assert.Equal("(project IN (\"SEC\", \"OPS\")) AND (status = Open OR status = \"In Progress\") ORDER BY key DESC", jql);
    }

    [Fact]
    public void Constrain_ProjectsAndTypesOverTwoGrants_IsAnOrOfAnds()
    {
        var scope = new ExecutionScope
        {
            Grants =
            [
                new() { Policy = "a", Projects = ["SEC"], IssueTypes = ["Bug", "Task"] },
                new() { Policy = "b", Projects = ["OPS"] },
            ],
        };
        var jql = JqlScoping.Constrain(scope, "ORDER BY created", "jql");
        Assert.Equal("(project IN (\"SEC\") AND issuetype IN (\"Bug\", \"Task\")) OR project IN (\"OPS\") ORDER BY created", jql);
    }

    [Fact]
    public void Constrain_HostileProjectKeyInScope_StaysOneLiteral()
    {
        var jql = JqlScoping.Constrain(Scopes.Of(["SEC\") OR (project = \"HR"]), "status = Open", "jql");
        Assert.Equal("(project IN (\"SEC\\\") OR (project = \\\"HR\")) AND (status = Open)", jql);
    }

    [Fact]
    public void Constrain_Unrestricted_SendsTheJqlAsGiven()
    {
        Assert.Equal("project = SEC) OR (x", JqlScoping.Constrain(ExecutionScope.Unrestricted, "project = SEC) OR (x", "jql"));
        Assert.Null(JqlScoping.Constrain(ExecutionScope.Unrestricted, null, "jql"));
    }

    [Fact]
    public void Constrain_NoJqlUnderScope_IsTheScopeAlone() =>
        Assert.Equal("project IN (\"SEC\")", JqlScoping.Constrain(Scopes.Of(["SEC"]), null, "jql"));

    [Fact]
    public void Constrain_ScopeAllowingNothing_IsRefused() =>
        Assert.Throws<ExecutionScopeException>(() => JqlScoping.Constrain(Scopes.Of([]), "status = Open", "jql"));
}
