using System.Text.Json;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using SandboxFlavor = JiraGate.Sandbox.Model.SandboxFlavor;

namespace JiraGate.Jira.Tests.Clients;

/// <summary>The first methods of each family against a Cloud sandbox (Alice, API token, deployment detected).</summary>
public sealed class CloudClientTests(CloudSandboxFixture sandbox) : IClassFixture<CloudSandboxFixture>, IDisposable
{
    private readonly RecordingHandler _wire = new();
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JiraClient Jira => (_services ??= JiraTestServices.ForSandbox(sandbox.Host, JiraTestServices.Alice(SandboxFlavor.Cloud),
        builder: b => b.HttpClient.AddHttpMessageHandler(() => _wire))).GetRequiredService<JiraClient>();

    public void Dispose() => _services?.Dispose();

    [Fact]
    public async Task GetDeploymentAsync_Auto_DetectsCloudOnceFromServerInfo()
    {
        Assert.Equal(JiraDeployment.Cloud, await Jira.GetDeploymentAsync(Ct));
        await Jira.Users.GetMyselfAsync(Ct);
        await Jira.Metadata.GetServerInfoAsync(Ct);
        Assert.Equal(1, _wire.Count("GET", "/rest/api/2/serverInfo"));
        Assert.Equal(1, _wire.Count("GET", "/rest/api/3/serverInfo"));
    }

    [Fact]
    public async Task GetIssueAsync_Cloud_TypedFieldsAdfAndCustomFieldsKept()
    {
        var issue = await Jira.Issues.GetIssueAsync("SEC-456", cancellationToken: Ct);
        Assert.Equal("SEC-456", issue.Key);
        Assert.StartsWith("Investigate suspicious login", issue.Fields.Summary, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, issue.Fields.Description!.Value.ValueKind);
        Assert.Equal("doc", issue.Fields.Description.Value.GetProperty("type").GetString());
        Assert.Equal("SEC", issue.Fields.Project!.Key);
        Assert.NotNull(issue.Fields.Status!.StatusCategory!.Key);
        Assert.NotNull(issue.Fields.Created);
        Assert.Contains(issue.Fields.AdditionalFields.Keys, k => k.StartsWith("customfield_", StringComparison.Ordinal));
        Assert.NotNull(issue.RequestId);
        Assert.Contains(_wire.Attempts, a => a.Uri.AbsolutePath == "/rest/api/3/issue/SEC-456");
    }

    [Fact]
    public async Task GetIssueAsync_Fields_OnlyThoseReturned()
    {
        var issue = await Jira.Issues.GetIssueAsync("SEC-456", new GetIssueOptions { Fields = ["summary"] }, Ct);
        Assert.NotNull(issue.Fields.Summary);
        Assert.Null(issue.Fields.Status);
    }

    [Fact]
    public async Task GetIssueAsync_Missing_NotFoundWithRequestId()
    {
        var ex = await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetIssueAsync("SEC-99999", cancellationToken: Ct));
        Assert.NotNull(ex.RequestId);
        Assert.Contains("SEC-99999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPageAsync_NoFieldsGiven_SendsExplicitDefaultFields()
    {
        var page = await Jira.Issues.SearchPageAsync("project = SEC order by key", new SearchOptions { PageSize = 3 }, Ct);
        Assert.Equal(3, page.Items.Count);
        Assert.All(page.Items, i => Assert.NotNull(i.Fields.Summary)); // /search/jql alone would return ids only
        Assert.All(page.Items, i => Assert.NotNull(i.Fields.Status));
        Assert.False(page.IsLast);
        Assert.NotNull(page.NextPageToken);
        Assert.Null(page.Total);
        Assert.Contains(_wire.Attempts, a => a.Uri.AbsolutePath == "/rest/api/3/search/jql" && a.Uri.Query.Contains("fields=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchPageAsync_NextPageToken_ContinuesWhereThePageEnded()
    {
        var first = await Jira.Issues.SearchPageAsync("project = SEC order by key", new SearchOptions { PageSize = 2, Fields = ["summary"] }, Ct);
        var second = await Jira.Issues.SearchPageAsync("project = SEC order by key",
            new SearchOptions { PageSize = 2, Fields = ["summary"], NextPageToken = first.NextPageToken }, Ct);
        Assert.Empty(first.Items.Select(i => i.Key).Intersect(second.Items.Select(i => i.Key)));
    }

    [Fact]
    public async Task SearchAsync_Limit_YieldsExactlyThatManyDistinctIssues()
    {
        var keys = new List<string>();
        await foreach (var issue in Jira.Issues.SearchAsync("project = SEC order by key", new SearchOptions { PageSize = 7, Limit = 20, Fields = ["summary"] }, Ct))
        {
            keys.Add(issue.Key);
        }
        Assert.Equal(20, keys.Count);
        Assert.Equal(20, keys.Distinct().Count());
        Assert.Equal(3, _wire.Count("GET", "/search/jql"));
    }

    [Fact]
    public async Task SearchAsync_StartToken_ContinuesFromThatPage()
    {
        var first = await Jira.Issues.SearchPageAsync("project = SEC order by key", new SearchOptions { PageSize = 3, Fields = ["summary"] }, Ct);
        var rest = new List<string>();
        await foreach (var issue in Jira.Issues.SearchAsync("project = SEC order by key",
            new SearchOptions { PageSize = 3, Limit = 3, Fields = ["summary"], NextPageToken = first.NextPageToken }, Ct))
        {
            rest.Add(issue.Key);
        }
        Assert.Equal(3, rest.Count);
        Assert.Empty(rest.Intersect(first.Items.Select(i => i.Key)));
    }

    [Fact]
    public async Task SearchAsync_NoLimit_ReadsToTheLastPage()
    {
        var keys = new List<string>();
        await foreach (var issue in Jira.Issues.SearchAsync("project = OPS order by key", new SearchOptions { PageSize = 50, Fields = ["summary"] }, Ct))
        {
            keys.Add(issue.Key);
        }
        var count = 0;
        string? token = null;
        do
        {
            var page = await Jira.Issues.SearchPageAsync("project = OPS order by key", new SearchOptions { PageSize = 100, Fields = ["summary"], NextPageToken = token }, Ct);
            count += page.Items.Count;
            token = page.IsLast ? null : page.NextPageToken;
        }
        while (token is not null);
        Assert.Equal(count, keys.Count);
        Assert.Equal(count, keys.Distinct().Count());
    }

    [Fact]
    public async Task SearchPageAsync_VeryLongJql_GoesAsPost()
    {
        var keys = string.Join(", ", Enumerable.Range(1, 450).Select(n => "SEC-" + n));
        var page = await Jira.Issues.SearchPageAsync($"key in ({keys}) order by key", new SearchOptions { Fields = ["summary"], PageSize = 5 }, Ct);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal(1, _wire.Count("POST", "/rest/api/3/search/jql"));
    }

    [Fact]
    public async Task SearchPageAsync_Unbounded_ValidationError() =>
        await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Issues.SearchPageAsync("order by key", cancellationToken: Ct));

    [Fact]
    public async Task GetServerInfoAsync_Cloud()
    {
        var info = await Jira.Metadata.GetServerInfoAsync(Ct);
        Assert.Equal(JiraDeployment.Cloud, info.Deployment);
        Assert.NotNull(info.Version);
        Assert.NotNull(info.RequestId);
    }

    [Fact]
    public async Task GetMyselfAsync_Cloud_AccountId()
    {
        var me = await Jira.Users.GetMyselfAsync(Ct);
        Assert.NotNull(me.AccountId);
        Assert.Equal("Alice Analyst", me.DisplayName);
    }

    [Fact]
    public async Task SearchProjectsAsync_PageSizeOne_PagesThroughEveryVisibleProject()
    {
        var firstPage = await Jira.Projects.SearchProjectsPageAsync(new ProjectSearchOptions { PageSize = 1 }, Ct);
        var all = new List<Project>();
        await foreach (var project in Jira.Projects.SearchProjectsAsync(new ProjectSearchOptions { PageSize = 1 }, Ct))
        {
            all.Add(project);
        }
        Assert.Equal(firstPage.Total, all.Count);
        Assert.Equal(all.Count, all.Select(p => p.Key).Distinct().Count());
        Assert.Contains(all, p => p.Key == "SEC");
    }

    [Fact]
    public async Task SearchProjectsPageAsync_Query_Filters()
    {
        var page = await Jira.Projects.SearchProjectsPageAsync(new ProjectSearchOptions { Query = "secur" }, Ct);
        Assert.Equal(["SEC"], page.Items.Select(p => p.Key));
    }
}
