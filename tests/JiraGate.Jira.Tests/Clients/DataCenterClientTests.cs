using System.Text.Json;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using SandboxFlavor = JiraGate.Sandbox.Model.SandboxFlavor;

namespace JiraGate.Jira.Tests.Clients;

/// <summary>The same methods against a Data Center sandbox (Alice, PAT, deployment detected): REST v2, offsets, wiki markup.</summary>
public sealed class DataCenterClientTests(DataCenterSandboxFixture sandbox) : IClassFixture<DataCenterSandboxFixture>, IDisposable
{
    private readonly RecordingHandler _wire = new();
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JiraClient Jira => (_services ??= JiraTestServices.ForSandbox(sandbox.Host, JiraTestServices.Alice(SandboxFlavor.DataCenter),
        builder: b => b.HttpClient.AddHttpMessageHandler(() => _wire))).GetRequiredService<JiraClient>();

    public void Dispose() => _services?.Dispose();

    [Fact]
    public async Task GetDeploymentAsync_Auto_DetectsDataCenter() =>
        Assert.Equal(JiraDeployment.DataCenter, await Jira.GetDeploymentAsync(Ct));

    [Fact]
    public async Task GetIssueAsync_DataCenter_UsesV2AndWikiMarkup()
    {
        var issue = await Jira.Issues.GetIssueAsync("SEC-456", cancellationToken: Ct);
        Assert.Equal(JsonValueKind.String, issue.Fields.Description!.Value.ValueKind);
        Assert.NotNull(issue.Fields.Reporter!.Name);
        Assert.Contains(_wire.Attempts, a => a.Uri.AbsolutePath == "/rest/api/2/issue/SEC-456");
    }

    [Fact]
    public async Task SearchPageAsync_DataCenter_OffsetsAndTotal()
    {
        var page = await Jira.Issues.SearchPageAsync("project = SEC order by key", new SearchOptions { PageSize = 5, StartAt = 10, Fields = ["summary"] }, Ct);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal(10, page.StartAt);
        Assert.True(page.Total > 15);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task SearchAsync_DataCenter_ReadsEveryIssueOnce()
    {
        var total = (await Jira.Issues.SearchPageAsync("project = OPS", new SearchOptions { PageSize = 1, Fields = ["summary"] }, Ct)).Total;
        var keys = new List<string>();
        await foreach (var issue in Jira.Issues.SearchAsync("project = OPS order by key", new SearchOptions { PageSize = 40, Fields = ["summary"] }, Ct))
        {
            keys.Add(issue.Key);
        }
        Assert.Equal(total, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task SearchAsync_DataCenter_LimitExact()
    {
        var count = 0;
        await foreach (var _ in Jira.Issues.SearchAsync("project = SEC", new SearchOptions { PageSize = 6, Limit = 13, Fields = ["summary"] }, Ct))
        {
            count++;
        }
        Assert.Equal(13, count);
    }

    [Fact]
    public async Task GetMyselfAsync_DataCenter_Username()
    {
        var me = await Jira.Users.GetMyselfAsync(Ct);
        Assert.Equal("alice", me.Name);
        Assert.Null(me.AccountId);
    }

    [Fact]
    public async Task GetServerInfoAsync_DataCenter() =>
        Assert.Equal(JiraDeployment.DataCenter, (await Jira.Metadata.GetServerInfoAsync(Ct)).Deployment);

    [Fact]
    public async Task SearchProjectsAsync_DataCenter_OneUnpagedListLimited()
    {
        var all = new List<Project>();
        await foreach (var project in Jira.Projects.SearchProjectsAsync(cancellationToken: Ct))
        {
            all.Add(project);
        }
        var limited = new List<Project>();
        await foreach (var project in Jira.Projects.SearchProjectsAsync(new ProjectSearchOptions { Limit = 1 }, Ct))
        {
            limited.Add(project);
        }
        Assert.Contains(all, p => p.Key == "SEC");
        Assert.Single(limited);
        Assert.Equal(2, _wire.Count("GET", "/rest/api/2/project"));
    }

    [Fact]
    public async Task SearchProjectsPageAsync_DataCenter_KeysFilter()
    {
        var page = await Jira.Projects.SearchProjectsPageAsync(new ProjectSearchOptions { Keys = ["ENG", "OPS"] }, Ct);
        Assert.Equal(["ENG", "OPS"], page.Items.Select(p => p.Key).Order());
        Assert.True(page.IsLast);
    }
}
