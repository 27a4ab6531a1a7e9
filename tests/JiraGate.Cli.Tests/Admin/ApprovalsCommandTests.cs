using System.Text.RegularExpressions;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Cli.Tests.Admin;

/// <summary>Sets JIRAGATE_APPROVER_KEY (process-wide), so these run one at a time within the class and the collection.</summary>
[Collection(nameof(ApproverKeyCollection))]
public sealed partial class ApprovalsCommandTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", null);
        _dir.Dispose();
    }

    [GeneratedRegex(@"jg_appr_[a-z0-9_]+")]
    private static partial Regex ApproverKey();

    /// <summary>Agent ops (owner olga, jira-full-management) asks to delete an issue: pending. Approvers alice and olga.</summary>
    private async Task<(string Approval, string Alice, string Olga)> PendingDeleteAsync(string issue = "SEC-20")
    {
        Assert.Equal(0, (await _dir.RunAsync("agents", "add", "ops", "--org", "acme", "--owner", "olga", "--policy", "jira-full-management")).ExitCode);
        var alice = ApproverKey().Match((await _dir.RunAsync("approvers", "add", "alice", "--org", "acme")).Out).Value;
        var olga = ApproverKey().Match((await _dir.RunAsync("approvers", "add", "olga", "--org", "acme")).Out).Value;
        var id = await _dir.CallAsync("ops", "acme", "issues:delete", $$"""{"issue_key":"{{issue}}","delete_subtasks":true}""");
        Assert.NotEqual("Denied", id);
        return (id, alice, olga);
    }

    [Fact]
    public async Task ListAndShow_PendingRequest()
    {
        var (id, _, _) = await PendingDeleteAsync();
        var list = await _dir.RunAsync("approvals", "list");
        Assert.Contains(id, list.Out);
        Assert.Contains("issues:delete", list.Out);
        var json = (await _dir.RunAsync("approvals", "list", "--json")).Json();
        Assert.Equal(id, json[0].GetProperty("id").GetString());
        Assert.Equal("pending", json[0].GetProperty("state").GetString());

        var show = (await _dir.RunAsync("approvals", "show", id, "--json")).Json();
        Assert.Equal("ops", show.GetProperty("agent_id").GetString());
        Assert.Equal("SEC-20", show.GetProperty("arguments").GetProperty("issue_key").GetString());
        Assert.Contains("issues:delete", (await _dir.RunAsync("approvals", "show", id)).Out);
        Assert.Equal(ExitCodes.Usage, (await _dir.RunAsync("approvals", "show", "apr_nope")).ExitCode);
    }

    [Fact]
    public async Task Approve_ByTheAgentsOwner_IsRefusedFourEyes()
    {
        var (id, _, olga) = await PendingDeleteAsync();
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", olga);
        var r = await _dir.RunAsync("approvals", "approve", id, "--as", "olga");
        Assert.Equal(ExitCodes.Denied, r.ExitCode);
        Assert.Contains("Four-eyes", r.Err);
        Assert.Equal("pending", (await _dir.RunAsync("approvals", "show", id, "--json")).Json().GetProperty("state").GetString());
    }

    [Fact]
    public async Task Approve_WithoutJiraConnection_LeavesItForTheAgent()
    {
        var (id, alice, _) = await PendingDeleteAsync();
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", alice);
        var r = await _dir.RunAsync("approvals", "approve", id, "--as", "alice", "--comment", "ok by me");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("agent's next status call", r.Out);
        var show = (await _dir.RunAsync("approvals", "show", id, "--json")).Json();
        Assert.Equal("approved", show.GetProperty("state").GetString());
        Assert.Equal("alice", show.GetProperty("decided_by").GetString());
        Assert.Equal("ok by me", show.GetProperty("decision_comment").GetString());
        var again = await _dir.RunAsync("approvals", "deny", id, "--as", "alice");
        Assert.Equal(ExitCodes.CheckFailed, again.ExitCode);
    }

    [Fact]
    public async Task Deny_JsonShape()
    {
        var (id, alice, _) = await PendingDeleteAsync();
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", alice);
        var r = await _dir.RunAsync("approvals", "deny", id, "--as", "alice", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = r.Json();
        Assert.True(json.GetProperty("succeeded").GetBoolean());
        Assert.Equal("denied", json.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Approve_KeyProblems_AreClear()
    {
        var (id, alice, _) = await PendingDeleteAsync();
        var noKey = await _dir.RunAsync("approvals", "approve", id, "--as", "alice");
        Assert.Equal(ExitCodes.Usage, noKey.ExitCode);
        Assert.Contains("JIRAGATE_APPROVER_KEY", noKey.Err);
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", alice);
        var other = await _dir.RunAsync("approvals", "approve", id, "--as", "olga");
        Assert.Equal(ExitCodes.Denied, other.ExitCode);
        Assert.Contains("belongs to approver 'alice'", other.Err);
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", "jg_appr_aaaaaaaaaaaaaaaa_" + new string('b', 52));
        var wrong = await _dir.RunAsync("approvals", "approve", id, "--as", "alice");
        Assert.Equal(ExitCodes.Denied, wrong.ExitCode);
        Assert.DoesNotContain(alice, noKey.Err + other.Err + wrong.Err + other.Out);
    }

    [Fact]
    public async Task Approve_WithJiraConnection_ExecutesThroughThePipeline()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions(), ct);
        var (id, alice, _) = await PendingDeleteAsync("SEC-21");
        var variable = "JG_TEST_TOKEN_" + Guid.NewGuid().ToString("n");
        Environment.SetEnvironmentVariable(variable, DemoCredentials.Ada.ApiToken);
        try
        {
            Assert.Equal(0, (await _dir.RunAsync("vault", "set", "jira/sandbox", "--kind", "api-token", "--email", DemoCredentials.Ada.Email, "--from-env", variable)).ExitCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        Environment.SetEnvironmentVariable("JIRAGATE_APPROVER_KEY", alice);
        var r = await _dir.RunAsync("approvals", "approve", id, "--as", "alice", "--jira-url", sandbox.BaseUrl.ToString(), "--jira-credential", "jira/sandbox", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = r.Json();
        Assert.True(json.GetProperty("executed").GetBoolean());
        Assert.Equal("Ok", json.GetProperty("execution_status").GetString());
        Assert.Equal("executed", (await _dir.RunAsync("approvals", "show", id, "--json")).Json().GetProperty("state").GetString());
        using var client = sandbox.CreateClient(DemoCredentials.Ada);
        using var gone = await client.GetAsync(new Uri("/rest/api/3/issue/SEC-21", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }
}

[CollectionDefinition(nameof(ApproverKeyCollection), DisableParallelization = true)]
public sealed class ApproverKeyCollection;
